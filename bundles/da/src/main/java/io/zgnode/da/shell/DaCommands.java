package io.zgnode.da.shell;

import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.shell.ShellCommand;
import io.zgnode.da.chain.DaChain;
import io.zgnode.da.contracts.Certificate;
import io.zgnode.da.contracts.Quorum;
import io.zgnode.da.contracts.Signer;
import io.zgnode.da.disperser.Dispersal;
import io.zgnode.da.disperser.Disperser;
import io.zgnode.da.signer.DaSigner;
import io.zgnode.da.signer.HeldBlob;

/** {@code da:status}, {@code da:blobs}, {@code da:blob ROOT}, {@code da:quorum [EPOCH]}. */
@Component(service = DaCommands.class)
@ShellCommand(scope = "da", function = {"status", "blobs", "blob", "quorum"})
public class DaCommands {

    private final DaChain chain;
    private final DaSigner signer;
    private final Disperser disperser;

    @Activate
    public DaCommands(@Reference DaChain chain, @Reference DaSigner signer, @Reference Disperser disperser) {
        this.chain = chain;
        this.signer = signer;
        this.disperser = disperser;
    }

    @Descriptor("show this DA node: signer, epoch, blobs held and dispersed")
    public String status() {
        long epoch = chain.currentEpoch();
        StringBuilder out = new StringBuilder();
        Optional<Address> me = signer.address();
        line(out, "signer", me.map(a -> a + chain.registry().signer(a).map(s -> ", stake " + s.stake() + " wei, socket " + s.socket())
                .orElse(" (not registered)")).orElse("none (no signer key)"));
        line(out, "epoch", epoch + " (" + chain.genesis().epochBlocks() + " blocks each)");
        line(out, "shape", chain.shape().dataRows() + " data rows of " + chain.shape().totalRows());
        List<HeldBlob> held = signer.rows().blobs();
        line(out, "blobs held", held.size() + " (" + held.stream().mapToLong(HeldBlob::held).sum() + " rows, kept " + signer.retentionEpochs()
                + " epochs)");
        line(out, "rows refused", Long.toString(signer.refusedRows()));
        line(out, "dispersals", Integer.toString(disperser.all().size()));
        return out.toString().stripTrailing();
    }

    @Descriptor("list the blobs this node holds rows of, and those it dispersed")
    public String blobs() {
        StringBuilder out = new StringBuilder(String.format("%-66s %6s %7s %11s%n", "held: data root", "epoch", "quorum", "rows"));
        for (HeldBlob blob : signer.rows().blobs()) {
            out.append(String.format("%-66s %6d %7d %5d/%-5d%n", blob.dataRoot(), blob.epoch(), blob.quorumId(), blob.held(), blob.needed()));
        }
        out.append(String.format("%n%-66s %-24s %s%n", "dispersed: data root", "status", "signed rows"));
        for (Dispersal dispersal : disperser.all()) {
            out.append(String.format("%-66s %-24s %d/%d%n", dispersal.dataRoot(), dispersal.status(), dispersal.signedRows(), dispersal.totalRows()));
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("show a blob: its certificate, and the rows this node holds of it")
    public String blob(@Descriptor("data root (0x..)") String dataRoot) {
        Hash root;
        try {
            root = Hash.of(dataRoot);
        } catch (IllegalArgumentException e) {
            return "not a data root (0x and 64 hex digits): " + dataRoot;
        }
        StringBuilder out = new StringBuilder();
        Optional<Certificate> certificate = chain.certificate(root);
        line(out, "certified", certificate.map(c -> "in block " + c.blockNumber() + ", epoch " + c.epoch() + ", quorum " + c.quorumId() + ", "
                + c.signedRows() + " rows signed").orElse("no"));
        Optional<HeldBlob> held = signer.rows().blob(root);
        line(out, "held here", held.map(b -> b.held() + " of " + b.needed() + " rows of " + b.rowBytes() + " bytes, file "
                + signer.rows().file(root)).orElse("no rows"));
        disperser.all().stream().filter(d -> d.dataRoot().equals(root.toString())).forEach(d -> line(out, "dispersal",
                d.requestId() + " " + d.status() + (d.error() == null ? "" : ": " + d.error())));
        return out.toString().stripTrailing();
    }

    @Descriptor("show the quorum of the current epoch: each signer's rows and socket")
    public String quorum() {
        return quorum(chain.currentEpoch());
    }

    @Descriptor("show the quorum of an epoch that has begun")
    public String quorum(@Descriptor("epoch") long epoch) {
        if (chain.registry().quorumCount(epoch) == 0) {
            return "no DA signers in epoch " + epoch;
        }
        Quorum quorum;
        try {
            quorum = chain.quorum(epoch, 0);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        StringBuilder out = new StringBuilder("epoch " + epoch + ", quorum 0, " + quorum.totalRows() + " rows\n");
        out.append(String.format("%-42s %6s %24s  %s%n", "signer", "rows", "stake (wei)", "socket"));
        for (Address member : quorum.members()) {
            Optional<Signer> signerOf = chain.registry().signer(member);
            out.append(String.format("%-42s %6d %24s  %s%n", member, quorum.rowCount(member), signerOf.map(s -> s.stake().toString()).orElse("?"),
                    signerOf.map(Signer::socket).orElse("?")));
        }
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format("%-14s %s%n", name + ":", value));
    }
}
