package io.zgnode.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.zgnode.api.chain.Hash;
import io.zgnode.da.blob.BlobDecodeException;
import io.zgnode.da.blob.BlobDecoder;
import io.zgnode.da.blob.BlobEncoder;
import io.zgnode.da.blob.BlobRow;
import io.zgnode.da.blob.BlobShape;
import io.zgnode.da.blob.EncodedBlob;
import io.zgnode.da.blob.internal.BlobLayout;
import io.zgnode.da.blob.internal.RowRoots;
import io.zgnode.da.blob.internal.RowTree;
import io.zgnode.da.erasure.ReedSolomon;

/**
 * The largest blob ({@link BlobShape#MAX_PAYLOAD} random bytes) at 0G's shape, 1024 -> 3072 rows, in
 * this JVM, through the blob API the disperser and the retriever use:
 * <ul>
 * <li>{@link BlobEncoder#encode}: layout, Reed-Solomon, the row roots and the tree over the 96 MiB
 * matrix (the data root; every row's proof is then at hand), on all cores and on one (as a devnet
 * node, which is given one processor, encodes);</li>
 * <li>{@link BlobDecoder#decode} from exactly k rows: a random third of all rows (data and parity
 * mixed), and k random parity rows;</li>
 * <li>where the encode time goes: the parts it is made of, timed alone with the same thread count
 * (the internal classes the encoder calls: this benchmark is no bundle, so it reaches them), and
 * Keccak-256 of 256-byte inputs on as many threads in the same run, which bounds the hashing;</li>
 * <li>what a disperser and a retriever do besides: handing out every row with its proof, and
 * checking k rows' proofs.</li>
 * </ul>
 * MiB/s of payload, median of {@link #RUNS} runs after warm-up; every decode is checked against the
 * payload (untimed). Bounded to {@link #DEADLINE_MILLIS}.
 */
public final class BlobBench {

    private static final BlobShape SHAPE = BlobShape.ZG;
    private static final int RUNS = 7;
    private static final int WARM_UP = 3;
    private static final long DEADLINE_MILLIS = 200_000;
    private static final Duration KECCAK_TIME = Duration.ofSeconds(3);
    private static final double MIB = 1 << 20;
    /**
     * A 256-byte chunk takes two Keccak permutations (136-byte rate), a 64-byte inner node one, and
     * a tree over c chunks has about c inner nodes: hashing a matrix costs about 3/2 of hashing its
     * bytes as independent 256-byte inputs.
     */
    private static final double TREE_COST = 1.5;

    public static void main(String[] args) throws Exception {
        Watchdog watchdog = Watchdog.start("BlobBench", DEADLINE_MILLIS);
        long started = System.nanoTime();
        long machineBefore = Phase.machineBusyTicks();
        long ownBefore = Phase.clientCpu();
        int cores = Runtime.getRuntime().availableProcessors();
        int k = SHAPE.dataRows();
        int n = SHAPE.totalRows();
        byte[] payload = new byte[BlobShape.MAX_PAYLOAD];
        new SplittableRandom(21).nextBytes(payload);
        int rowBytes = SHAPE.rowBytes(payload.length);
        long matrixBytes = (long) n * rowBytes;

        BlobEncoder encoder = BlobEncoder.of(SHAPE).withThreads(cores);
        BlobDecoder decoder = BlobDecoder.of(SHAPE).withThreads(cores);
        EncodedBlob blob = encoder.encode(payload);
        List<Integer> third = ErasureBench.randomRows(n, k, 22);
        List<Integer> parity = ErasureBench.randomRows(n - k, k, 23).stream().map(row -> row + k).toList();
        Map<Integer, byte[]> thirdRows = rows(blob, third);
        Map<Integer, byte[]> parityRows = rows(blob, parity);
        Consumer<byte[]> same = decoded -> {
            if (!Arrays.equals(decoded, payload)) {
                throw new IllegalStateException("the decoded payload differs from the encoded one");
            }
        };
        for (int run = 0; run < WARM_UP; run++) {
            encoder.encode(payload);
            same.accept(decode(decoder, rowBytes, thirdRows));
            same.accept(decode(decoder, rowBytes, parityRows));
        }

        long gcBefore = gcMillis();
        double encode = ErasureBench.median(() -> encoder.encode(payload), RUNS);
        double gcPerEncode = (gcMillis() - gcBefore) / (double) RUNS;
        BlobEncoder oneThread = encoder.withThreads(1);
        oneThread.encode(payload);
        double encodeOneThread = ErasureBench.median(() -> oneThread.encode(payload), RUNS);
        double decodeThird = ErasureBench.median(() -> decode(decoder, rowBytes, thirdRows), same, RUNS);
        double decodeParity = ErasureBench.median(() -> decode(decoder, rowBytes, parityRows), same, RUNS);

        // the encoder's parts, one at a time, on the same threads
        ReedSolomon code = ReedSolomon.of(k, n).withThreads(cores);
        byte[][] data = BlobLayout.dataRows(payload, k, rowBytes);
        byte[][] matrix = Arrays.copyOf(data, n);
        System.arraycopy(code.encode(data), 0, matrix, k, n - k);
        double layout = ErasureBench.median(() -> BlobLayout.dataRows(payload, k, rowBytes), RUNS);
        double reedSolomon = ErasureBench.median(() -> code.encode(data), RUNS);
        double hashing = ErasureBench.median(() -> {
            Hash[] roots = new Hash[n];
            RowRoots.fill(matrix, roots, rowBytes, cores);
            return roots;
        }, RUNS);
        Hash[] roots = new Hash[n];
        RowRoots.fill(matrix, roots, rowBytes, cores);
        double tree = ErasureBench.median(() -> RowTree.of(roots, rowBytes), RUNS);
        double rest = encode - layout - reedSolomon - hashing - tree;
        MerkleRootBench.keccakRate(cores, Duration.ofSeconds(1));
        double keccak = MerkleRootBench.keccakRate(cores, KECCAK_TIME);

        double handOut = ErasureBench.median(() -> {
            long bytes = 0;
            for (int row = 0; row < n; row++) {
                bytes += blob.row(row).data().length;
            }
            return bytes;
        }, RUNS);
        double verify = ErasureBench.median(() -> {
            for (int row : third) {
                blob.row(row).check(blob.dataRoot(), SHAPE).ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                });
            }
            return null;
        }, 3);

        long dataInThird = third.stream().filter(row -> row < k).count();
        System.out.printf("payload %,d bytes (%.1f MiB), %d -> %d rows of %,d bytes (matrix %.0f MiB), %d threads; MiB/s of payload, median of %d runs%n",
                payload.length, payload.length / MIB, k, n, rowBytes, matrixBytes / MIB, cores, RUNS);
        System.out.printf("  encode (layout, Reed-Solomon, row roots, tree: the data root)  %6.1f MiB/s (%.0f ms)%n", rate(payload, encode),
                encode * 1e3);
        System.out.printf("  encode on 1 thread (as a devnet node, given one processor, does)   %6.1f MiB/s (%.0f ms)%n", rate(payload, encodeOneThread),
                encodeOneThread * 1e3);
        System.out.printf("  decode from a random third (%d data + %d parity rows)        %6.1f MiB/s (%.0f ms, %.2fx the encode time)%n",
                dataInThird, k - dataInThird, rate(payload, decodeThird), decodeThird * 1e3, decodeThird / encode);
        System.out.printf("  decode from %d random parity rows                            %6.1f MiB/s (%.0f ms, %.2fx the encode time)%n", k,
                rate(payload, decodeParity), decodeParity * 1e3, decodeParity / encode);
        System.out.println("where the encode time goes (each part alone, same threads):");
        part("layout (payload into k rows)", layout, encode);
        part("Reed-Solomon parity", reedSolomon, encode);
        part(String.format("row roots: Keccak over the %.0f MiB matrix", matrixBytes / MIB), hashing, encode);
        part("tree over the row roots", tree, encode);
        part("rest (allocation, GC, run-to-run spread)", rest, encode);
        System.out.printf("  (GC pauses during the encode runs: %.0f ms per encode)%n", gcPerEncode);
        double hashCeiling = keccak / TREE_COST;
        System.out.printf("keccak-256 of 256-byte inputs on %d threads: %.0f MB/s; the matrix hashed at %.0f MB/s = %.0f %% of the %.0f MB/s a tree"
                + " of 256-byte chunks can reach%n", cores, keccak, matrixBytes / hashing / 1e6, 100 * matrixBytes / hashing / 1e6 / hashCeiling, hashCeiling);
        double floor = reedSolomon + matrixBytes / 1e6 / hashCeiling;
        System.out.printf("with the hashing at that ceiling and Reed-Solomon as measured, encode would take %.0f ms: %.1f MiB/s at best%n",
                floor * 1e3, rate(payload, floor));
        System.out.printf("every row with its proof handed out (EncodedBlob.row, as the disperser sends them): %.0f ms%n", handOut * 1e3);
        System.out.printf("proofs of k rows checked against the data root, 1 thread (BlobRow.check, as a retriever does): %.0f ms%n", verify * 1e3);
        double seconds = StorageUploadBench.seconds(started);
        double others = (Phase.machineBusyTicks() - machineBefore) / Phase.TICKS_PER_SECOND - (Phase.clientCpu() - ownBefore) / 1e9;
        System.out.printf("meanwhile the rest of the machine kept %.2f of the %d cores busy on average%n", Math.max(0, others) / seconds, cores);
        watchdog.done();
    }

    /** Milliseconds the JVM's collectors have spent in pauses so far. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static void part(String what, double seconds, double encode) {
        System.out.printf("  %-58s %5.0f ms  %3.0f %%%n", what, seconds * 1e3, 100 * seconds / encode);
    }

    private static byte[] decode(BlobDecoder decoder, int rowBytes, Map<Integer, byte[]> rows) {
        try {
            return decoder.decode(rowBytes, rows);
        } catch (BlobDecodeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The given rows of the blob, as a retriever has them after checking their proofs. */
    private static Map<Integer, byte[]> rows(EncodedBlob blob, List<Integer> indices) {
        Map<Integer, byte[]> rows = new TreeMap<>();
        for (int index : indices) {
            BlobRow row = blob.row(index);
            rows.put(index, row.data());
        }
        return rows;
    }

    private static double rate(byte[] payload, double seconds) {
        return payload.length / MIB / seconds;
    }
}
