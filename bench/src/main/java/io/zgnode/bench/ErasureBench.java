package io.zgnode.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawDecoder;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawEncoder;

import io.zgnode.da.erasure.ReedSolomon;

/**
 * Reed-Solomon coding of 0G's largest blob, 32,505,856 bytes (31 MiB), in this JVM:
 * <ul>
 * <li>at 0G's shape, 1024 data rows of 31,744 bytes extended to 3072: encode, decode from a random third
 * of the rows, decode from the parity rows only;</li>
 * <li>at 16 -> 48 rows (shards of 1.9 MiB), ours beside Hadoop's pure-Java Reed-Solomon coder
 * (hadoop-common's RSRawEncoder/RSRawDecoder: GF(2^8), a Cauchy matrix, at most 255 units) on the same
 * data and the same 16 surviving rows. Hadoop's coder runs on one thread, so ours is shown on one
 * thread too, and on all cores.</li>
 * </ul>
 * MiB/s of payload (the data rows), median of {@link #RUNS} runs after warm-up; every decode is
 * checked against the data. Bounded to {@link #DEADLINE_MILLIS}.
 */
public final class ErasureBench {

    private static final int BLOB = 32_505_856;
    private static final int RUNS = 5;
    private static final int HADOOP_RUNS = 3;
    private static final long DEADLINE_MILLIS = 170_000;
    private static final double MIB = 1 << 20;

    public static void main(String[] args) {
        Watchdog watchdog = Watchdog.start("ErasureBench", DEADLINE_MILLIS);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("payload %,d bytes (%.1f MiB); MiB/s of payload, median of %d runs (Hadoop: %d)%n", BLOB, BLOB / MIB, RUNS,
                HADOOP_RUNS);
        zeroGShape(cores);
        besideHadoop(cores);
        watchdog.done();
    }

    private static void zeroGShape(int cores) {
        int k = 1024;
        int n = 3072;
        ReedSolomon rs = ReedSolomon.of(k, n);
        byte[][] data = randomShards(k, BLOB / k, 1);
        byte[][] all = extend(data, rs.encode(data));
        byte[][] third = keep(all, randomRows(n, k, 2));
        byte[][] parityOnly = keep(all, range(k, n));
        warmUp(() -> rs.encode(data), () -> rs.decode(third));

        double encode = median(() -> rs.encode(data));
        double decodeThird = median(() -> check(rs.decode(third), data));
        double decodeParity = median(() -> check(rs.decode(parityOnly), data));
        System.out.printf("%d -> %d rows of %,d bytes, %d threads:%n", k, n, BLOB / k, cores);
        System.out.printf("  encode                        %6.1f MiB/s (%.0f ms)%n", rate(encode), encode * 1e3);
        System.out.printf("  decode from a random third    %6.1f MiB/s (%.0f ms, %.2fx the encode time)%n", rate(decodeThird), decodeThird * 1e3,
                decodeThird / encode);
        System.out.printf("  decode from the parity only   %6.1f MiB/s (%.0f ms, %.2fx the encode time)%n", rate(decodeParity), decodeParity * 1e3,
                decodeParity / encode);
    }

    private static void besideHadoop(int cores) {
        int k = 16;
        int n = 48;
        byte[][] data = randomShards(k, BLOB / k, 3);
        List<Integer> survivors = randomRows(n, k, 4);

        ReedSolomon ours = ReedSolomon.of(k, n);
        ReedSolomon oursOneThread = ours.withThreads(1);
        byte[][] received = keep(extend(data, ours.encode(data)), survivors);

        RSRawEncoder hadoopEncoder = new RSRawEncoder(new ErasureCoderOptions(k, n - k));
        RSRawDecoder hadoopDecoder = new RSRawDecoder(new ErasureCoderOptions(k, n - k));
        byte[][] hadoopParity = new byte[n - k][BLOB / k];
        Supplier<byte[][]> hadoopEncode = () -> {
            try {
                hadoopEncoder.encode(data, hadoopParity);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return hadoopParity;
        };
        hadoopEncode.get();
        byte[][] hadoopReceived = keep(extend(data, hadoopParity), survivors);
        Supplier<byte[][]> hadoopDecode = () -> check(hadoopDecode(hadoopDecoder, hadoopReceived, k), data);

        warmUp(() -> oursOneThread.encode(data), () -> oursOneThread.decode(received));
        warmUp(() -> ours.encode(data), () -> ours.decode(received));
        hadoopDecode.get();

        double oursEncode1 = median(() -> oursOneThread.encode(data));
        double oursDecode1 = median(() -> check(oursOneThread.decode(received), data));
        double oursEncode = median(() -> ours.encode(data));
        double oursDecode = median(() -> check(ours.decode(received), data));
        double hadoopEncodeTime = median(hadoopEncode, HADOOP_RUNS);
        double hadoopDecodeTime = median(hadoopDecode, HADOOP_RUNS);

        System.out.printf("%d -> %d rows of %,d bytes, decoding from the same %d rows %s:%n", k, n, BLOB / k, k, survivors);
        System.out.printf("  %-36s %10s %10s%n", "", "encode", "decode");
        System.out.printf("  %-36s %10.1f %10.1f MiB/s%n", "Hadoop " + hadoopVersion() + " RSRawEncoder/Decoder", rate(hadoopEncodeTime),
                rate(hadoopDecodeTime));
        System.out.printf("  %-36s %10.1f %10.1f MiB/s  (%.1fx, %.1fx Hadoop)%n", "ours, 1 thread", rate(oursEncode1), rate(oursDecode1),
                hadoopEncodeTime / oursEncode1, hadoopDecodeTime / oursDecode1);
        System.out.printf("  %-36s %10.1f %10.1f MiB/s  (%.1fx, %.1fx Hadoop)%n", "ours, " + cores + " threads", rate(oursEncode), rate(oursDecode),
                hadoopEncodeTime / oursEncode, hadoopDecodeTime / oursDecode);
    }

    /** Hadoop's decoder: all n inputs, null where missing; it writes the erased data units into the outputs. */
    private static byte[][] hadoopDecode(RSRawDecoder decoder, byte[][] received, int k) {
        List<Integer> erased = new ArrayList<>();
        for (int d = 0; d < k; d++) {
            if (received[d] == null) {
                erased.add(d);
            }
        }
        int length = Arrays.stream(received).filter(r -> r != null).findFirst().orElseThrow().length;
        byte[][] outputs = new byte[erased.size()][length];
        try {
            decoder.decode(received.clone(), erased.stream().mapToInt(Integer::intValue).toArray(), outputs);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        byte[][] data = Arrays.copyOf(received, k);
        for (int i = 0; i < erased.size(); i++) {
            data[erased.get(i)] = outputs[i];
        }
        return data;
    }

    private static String hadoopVersion() {
        return org.apache.hadoop.util.VersionInfo.getVersion();
    }

    private static void warmUp(Runnable encode, Runnable decode) {
        for (int run = 0; run < 3; run++) {
            encode.run();
            decode.run();
        }
    }

    private static double median(Supplier<?> work) {
        return median(work, RUNS);
    }

    /** Median seconds of {@code runs} runs. */
    static double median(Supplier<?> work, int runs) {
        return median(work, result -> {
        }, runs);
    }

    /** Median seconds of {@code runs} runs of {@code work}; {@code check} looks at each result, untimed. */
    static <T> double median(Supplier<T> work, Consumer<? super T> check, int runs) {
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            T result = work.get();
            seconds.add((System.nanoTime() - started) / 1e9);
            check.accept(result);
        }
        return new Stats(seconds).median();
    }

    private static double rate(double seconds) {
        return BLOB / MIB / seconds;
    }

    private static byte[][] check(byte[][] decoded, byte[][] data) {
        if (!Arrays.deepEquals(decoded, data)) {
            throw new IllegalStateException("decoded data differ from the original");
        }
        return decoded;
    }

    private static byte[][] randomShards(int count, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] shards = new byte[count][length];
        for (byte[] shard : shards) {
            random.nextBytes(shard);
        }
        return shards;
    }

    private static byte[][] extend(byte[][] data, byte[][] parity) {
        byte[][] all = Arrays.copyOf(data, data.length + parity.length);
        System.arraycopy(parity, 0, all, data.length, parity.length);
        return all;
    }

    /** {@code count} of the rows 0 .. n-1, drawn at random from {@code seed}, in order. */
    static List<Integer> randomRows(int n, int count, long seed) {
        List<Integer> rows = range(0, n);
        Collections.shuffle(rows, new Random(seed));
        List<Integer> chosen = new ArrayList<>(rows.subList(0, count));
        Collections.sort(chosen);
        return chosen;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> rows = new ArrayList<>();
        for (int row = from; row < to; row++) {
            rows.add(row);
        }
        return rows;
    }

    private static byte[][] keep(byte[][] all, List<Integer> rows) {
        byte[][] kept = new byte[all.length][];
        for (int row : rows) {
            kept[row] = all[row];
        }
        return kept;
    }
}
