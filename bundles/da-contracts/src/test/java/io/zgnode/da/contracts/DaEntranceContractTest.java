package io.zgnode.da.contracts;

import static io.zgnode.da.contracts.DaChain.CHAIN_ID;
import static io.zgnode.da.contracts.DaChain.ETHER;
import static io.zgnode.da.contracts.DaChain.account;
import static io.zgnode.da.contracts.DaChain.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.Keccak256;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.ethereum.AbiEvent;
import io.zgnode.ethereum.AbiFunction;
import io.zgnode.ledger.execution.CallResult;
import io.zgnode.ledger.genesis.DevGenesis;

class DaEntranceContractTest {

    private static final AbiEvent DATA_CERTIFIED = AbiEvent.parse(
            "DataCertified(bytes32 indexed dataRoot, uint256 epoch, uint256 quorumId, uint256 signedRows)");
    private static final AbiFunction REGISTER = AbiFunction.parse("registerSigner(string)");
    private static final AbiEvent SEEN = AbiEvent.parse(RegistryProbe.SEEN.declaration());
    private static final long EPOCH_BLOCKS = 4;
    private static final BigInteger STAKE = BigInteger.TEN.multiply(ETHER);

    @TempDir
    Path dir;

    private final List<PrivateKey> signers = DaChain.signerKeys(4);
    private DaChain chain;
    private Address entrance;

    @BeforeEach
    void open() throws Exception {
        chain = new DaChain(dir, DaChain.section(EPOCH_BLOCKS, signers, STAKE));
        entrance = chain.genesis.entrance();
    }

    @AfterEach
    void close() throws Exception {
        chain.close();
    }

    @Test
    void threeOfFourEqualSignersCertify() throws Exception {
        chain.advanceTo(1);
        Hash root = root(1);

        Receipt receipt = submit(root, 1, 0, sign(root, 1, 0, signers.get(2), signers.get(0), signers.get(3)));

        assertThat(receipt.success()).as(reason(receipt)).isTrue();
        assertThat(receipt.logs()).hasSize(1);
        assertThat(receipt.logs().get(0).address()).isEqualTo(entrance);
        List<Object> event = DATA_CERTIFIED.decode(receipt.logs().get(0));
        assertThat(event.get(0)).isEqualTo(root.toArray());
        assertThat(event.subList(1, 4)).containsExactly(BigInteger.ONE, BigInteger.ZERO, BigInteger.valueOf(3 * 768));

        Certificate expected = new Certificate(root, 1, 0, 2304, receipt.blockNumber());
        assertThat(chain.certificates().certificate(root)).as("the view over committed state").contains(expected);
        assertThat(getCertificate(root)).as("the contract's answer").contains(expected);
        assertThat(getCertificate(root(2))).isEmpty();
        assertThat(chain.certificates().certificate(root(2))).isEmpty();
    }

    @Test
    void everySignatureCostsWhatAnEcrecoverCosts() throws Exception {
        Receipt three = submit(root(1), 0, 0, sign(root(1), 0, 0, signers.get(0), signers.get(1), signers.get(2)));
        Receipt four = submit(root(2), 0, 0, sign(root(2), 0, 0, signers.get(0), signers.get(1), signers.get(2), signers.get(3)));
        assertThat(three.success()).isTrue();
        assertThat(four.success()).isTrue();
        // a fourth signature adds about 1,300 gas of calldata, 3,000 for its recovery
        assertThat(four.gasUsed() - three.gasUsed()).isBetween(3_000L, 5_000L);
    }

    @Test
    void twoOfFourAreNotEnough() throws Exception {
        Hash root = root(1);
        assertRefused(root, 0, 0, sign(root, 0, 0, signers.get(0), signers.get(1)),
                "insufficient signatures: signers of 1536 of 3072 rows signed, 2048 needed");
        assertRefused(root, 0, 0, List.of(), "insufficient signatures: signers of 0 of 3072 rows signed, 2048 needed");
    }

    @Test
    void aForgedSignatureIsRefusedNamingWhoItRecoversTo() throws Exception {
        Hash root = root(1);
        PrivateKey forger = PrivateKey.random(new SecureRandom());
        List<byte[]> signatures = sign(root, 0, 0, signers.get(0), signers.get(1), forger, signers.get(3));
        assertRefused(root, 0, 0, signatures, "signature 2 recovers to " + Address.of(forger.address()) + ", which holds no row of quorum 0 in epoch 0");
    }

    @Test
    void aSignatureOverAnotherRootIsRefused() throws Exception {
        Hash root = root(1);
        List<byte[]> signatures = sign(root, 0, 0, signers.get(0), signers.get(1));
        signatures.addAll(sign(root(2), 0, 0, signers.get(2)));
        Address recovered = DaSignatures.recover(signatures.get(2), DaSignatures.message(CHAIN_ID, entrance, root, 0, 0)).orElseThrow();
        assertThat(recovered).isNotEqualTo(Address.of(signers.get(2).address()));
        assertRefused(root, 0, 0, signatures, "signature 2 recovers to " + recovered + ", which holds no row of quorum 0 in epoch 0");
    }

    @Test
    void aSignerCountsOnce() throws Exception {
        Hash root = root(1);
        List<byte[]> signatures = sign(root, 0, 0, signers.get(1), signers.get(2), signers.get(1));
        assertRefused(root, 0, 0, signatures, "signature 2 is a second signature of " + Address.of(signers.get(1).address()) + " (signature 0)");
    }

    @Test
    void aMalformedSignatureIsRefused() throws Exception {
        Hash root = root(1);
        List<byte[]> signatures = sign(root, 0, 0, signers.get(0), signers.get(1), signers.get(2));
        signatures.set(1, Arrays.copyOf(signatures.get(1), 64));
        assertRefused(root, 0, 0, signatures, "signature 1 is not a valid signature");
    }

    @Test
    void aCertificateIsForTheCurrentEpochOrTheOneBefore() throws Exception {
        chain.advanceTo(2);
        Hash root = root(1);
        assertRefused(root, 0, 0, sign(root, 0, 0, signers.get(0), signers.get(1), signers.get(2)), "epoch 0 is not current (current 2)");
        assertRefused(root, 3, 0, sign(root, 3, 0, signers.get(0), signers.get(1), signers.get(2)), "epoch 3 is not current (current 2)");
        // signed for epoch 2 but sent as epoch 1: the message differs, so the signatures are no one's in the quorum
        Receipt mislabelled = submit(root, 1, 0, sign(root, 2, 0, signers.get(0), signers.get(1), signers.get(2)));
        assertThat(reason(mislabelled)).startsWith("signature 0 recovers to ");

        Receipt previous = submit(root, 1, 0, sign(root, 1, 0, signers.get(0), signers.get(1), signers.get(2)));
        assertThat(previous.success()).as(reason(previous)).isTrue();
        assertThat(chain.certificates().certificate(root).orElseThrow().epoch()).isOne();
    }

    @Test
    void anUnknownQuorumIsRefused() throws Exception {
        Hash root = root(1);
        assertRefused(root, 0, 1, sign(root, 0, 1, signers.get(0), signers.get(1), signers.get(2)),
                "quorum 1 does not exist in epoch 0, which has 1");
    }

    @Test
    void signaturesForAnotherChainOrEntranceAreNoOnes() throws Exception {
        Hash root = root(1);
        List<byte[]> otherChain = new ArrayList<>();
        List<byte[]> otherEntrance = new ArrayList<>();
        for (PrivateKey signer : signers.subList(0, 3)) {
            otherChain.add(DaSignatures.sign(signer, DaSignatures.message(CHAIN_ID + 1, entrance, root, 0, 0)));
            otherEntrance.add(DaSignatures.sign(signer, DaSignatures.message(CHAIN_ID, chain.genesis.registry(), root, 0, 0)));
        }
        assertRefused(root, 0, 0, otherChain, "signature 0 recovers to ");
        assertRefused(root, 0, 0, otherEntrance, "signature 0 recovers to ");
    }

    @Test
    void aRootIsCertifiedOnce() throws Exception {
        Hash root = root(1);
        Receipt first = submit(root, 0, 0, sign(root, 0, 0, signers.get(0), signers.get(1), signers.get(2)));
        assertThat(first.success()).isTrue();
        Certificate certificate = chain.certificates().certificate(root).orElseThrow();

        Receipt again = submit(root, 0, 0, sign(root, 0, 0, signers.get(0), signers.get(1), signers.get(2), signers.get(3)));

        assertThat(again.success()).isFalse();
        assertThat(reason(again)).isEqualTo(root + " is already certified");
        assertThat(again.logs()).isEmpty();
        assertThat(chain.certificates().certificate(root)).as("the first certificate stands").contains(certificate);
    }

    @Test
    void anEpochWithoutSignersHasNoQuorumToCertify(@TempDir Path other) throws Exception {
        try (DaChain empty = new DaChain(other, DaChain.section(EPOCH_BLOCKS, List.of(), STAKE))) {
            Receipt receipt = empty.execute(1, empty.genesis.entrance(), BigInteger.ZERO, DaEntranceCalls.submitCertificate(root(1), 0, 0, List.of()));
            assertThat(reason(receipt)).isEqualTo("epoch 0 has no quorum: no signer is active in it");
        }
    }

    @Test
    void theEntranceSeesRegistrationsOfEarlierBlocks(@TempDir Path other) throws Exception {
        // one genesis signer, then development account 1 registers the same stake: from the next epoch each holds half the rows
        try (DaChain two = new DaChain(other, DaChain.section(EPOCH_BLOCKS, signers.subList(0, 1), STAKE))) {
            Address at = two.genesis.entrance();
            assertThat(two.execute(1, two.genesis.registry(), STAKE, REGISTER.encodeCall(List.of("http://new"))).success()).isTrue();
            two.advanceTo(1);
            Hash root = root(1);
            Hash message = DaSignatures.message(CHAIN_ID, at, root, 1, 0);
            byte[] genesisSignature = DaSignatures.sign(signers.get(0), message);
            byte[] newSignature = DaSignatures.sign(DevGenesis.key(1), message);

            Receipt alone = two.execute(2, at, BigInteger.ZERO, DaEntranceCalls.submitCertificate(root, 1, 0, List.of(genesisSignature)));
            assertThat(reason(alone)).isEqualTo("insufficient signatures: signers of 1536 of 3072 rows signed, 2048 needed");

            Receipt both = two.execute(2, at, BigInteger.ZERO, DaEntranceCalls.submitCertificate(root, 1, 0, List.of(genesisSignature, newSignature)));
            assertThat(both.success()).as(reason(both)).isTrue();
            assertThat(two.certificates().certificate(root).orElseThrow().signedRows()).isEqualTo(3072);
        }
    }

    @Test
    void anotherContractSeesTheRegistryAsThisBlockLeftItAndCannotWriteThere(@TempDir Path other) throws Exception {
        DaGenesis genesis = DaGenesis.of(DaChain.section(EPOCH_BLOCKS, List.of(), STAKE));
        try (DaChain probed = new DaChain(other, DaChain.section(EPOCH_BLOCKS, List.of(), STAKE), new RegistryProbe(genesis))) {
            byte[] look = AbiFunction.parse("look(address)").encodeCall(List.of(account(1)));
            // one sender, so the three run in this order, in one block
            Transaction before = probed.send(1, RegistryProbe.ADDRESS, BigInteger.ZERO, look);
            Transaction register = probed.send(1, probed.genesis.registry(), ETHER, REGISTER.encodeCall(List.of("http://here")));
            Transaction after = probed.send(1, RegistryProbe.ADDRESS, BigInteger.ZERO, look);
            probed.produce();

            assertThat(List.of(before, register, after)).extracting(t -> probed.receipt(t).blockNumber()).containsOnly(1L);
            assertThat(SEEN.decode(probed.receipt(before).logs().get(0))).containsExactly(account(1), false);
            assertThat(probed.receipt(register).success()).isTrue();
            assertThat(SEEN.decode(probed.receipt(after).logs().get(0))).containsExactly(account(1), true);

            Receipt scribble = probed.execute(2, RegistryProbe.ADDRESS, BigInteger.ZERO, AbiFunction.parse("scribble()").encodeCall(List.of()));
            assertThat(scribble.success()).isFalse();
            assertThat(reason(scribble)).isEqualTo("the storage of contract " + probed.genesis.registry() + " is read-only here");
            assertThat(probed.registry().signers(1)).extracting(Signer::address).containsExactly(account(1));
        }
    }

    private Receipt submit(Hash root, long epoch, int quorumId, List<byte[]> signatures) throws Exception {
        return chain.execute(1, entrance, BigInteger.ZERO, DaEntranceCalls.submitCertificate(root, epoch, quorumId, signatures));
    }

    /** Submits, expects the revert reason, and checks nothing was certified. */
    private void assertRefused(Hash root, long epoch, int quorumId, List<byte[]> signatures, String reason) throws Exception {
        Receipt receipt = submit(root, epoch, quorumId, signatures);
        assertThat(receipt.success()).isFalse();
        assertThat(reason(receipt)).startsWith(reason);
        assertThat(receipt.logs()).isEmpty();
        assertThat(getCertificate(root)).isEmpty();
        assertThat(chain.certificates().certificate(root)).isEmpty();
    }

    private java.util.Optional<Certificate> getCertificate(Hash root) {
        CallResult result = chain.call(entrance, DaEntranceCalls.getCertificate(root));
        assertThat(result.success()).as(reason(result)).isTrue();
        return DaEntranceCalls.certificate(root, result.output());
    }

    private List<byte[]> sign(Hash root, long epoch, int quorumId, PrivateKey... keys) {
        Hash message = DaSignatures.message(CHAIN_ID, entrance, root, epoch, quorumId);
        List<byte[]> signatures = new ArrayList<>();
        for (PrivateKey key : keys) {
            signatures.add(DaSignatures.sign(key, message));
        }
        return signatures;
    }

    private static Hash root(int seed) {
        return Hash.of(Keccak256.hash(new byte[] {(byte) seed}));
    }
}
