package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.ethereum.internal.TransactionParser;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Transaction decoding on the ledger's hot path, and ABI decoding of the Flow submit call:
 * figures printed for the record, never asserted (a shared 2-core machine is too noisy to fail a
 * build on). JMH-free, so indicative; each runs after a 2 s warm-up. Excluded from the default
 * build: {@code mvn test -pl bundles/ethereum -Dgroups=benchmark -DexcludedGroups= -Dtest=ThroughputTest}.
 */
@Tag("benchmark")
class ThroughputTest {
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;

    private final List<byte[]> raws = signedTransactions(1_024);

    @Test
    void transactionDecoding() throws Exception {
        report("decode only (parse, tx hash, signing hash)", i -> TransactionParser.parse(raws.get(i & 1023)).nonce());
        report("decode + sender recovery, 1 thread", i -> TransactionDecoder.decode(raws.get(i & 1023)).nonce());
        reportParallel("decode + sender recovery, 2 threads", 2);
        printAllocation();
    }

    @Test
    void flowSubmitCalldata() throws Exception {
        AbiFunction submit = AbiFunction.parse("submit(((uint256,bytes,(bytes32,uint256)[]),address))");
        AbiMethod method = AbiMethod.bind(submit, Flow.class.getMethod("submit", Object.class, AbiBindingTest.SubmissionWithSubmitter.class), 1);
        byte[] calldata = submit.encodeCall(List.of(AbiBindingTest.genericSubmission()));
        report("ABI decode of a submit call (generic values)", i -> submit.decodeCall(calldata).size());
        report("ABI decode of a submit call into records", i -> method.decodeArguments(calldata).length);
        report("ABI encode of a submit call", i -> submit.encodeCall(List.of(AbiBindingTest.genericSubmission())).length);
    }

    /** Stands for a native contract. */
    public static class Flow {
        public void submit(Object context, AbiBindingTest.SubmissionWithSubmitter submission) {
        }
    }

    interface Operation {
        long run(int i) throws Exception;
    }

    private static void report(String what, Operation operation) throws Exception {
        run(operation, WARM_UP_NANOS);
        long[] result = run(operation, MEASURE_NANOS);
        System.out.printf(Locale.ROOT, "%-50s %,12.0f /s%n", what, result[0] * 1e9 / result[1]);
    }

    /** {count, nanos}. */
    private static long[] run(Operation operation, long nanos) throws Exception {
        long sink = 0;
        long count = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (int i = 0; i < 64; i++) {
                sink += operation.run((int) count++);
            }
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        assertThat(sink).isNotZero();
        return new long[] {count, elapsed};
    }

    private void reportParallel(String what, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            runParallel(pool, threads, WARM_UP_NANOS);
            long total = runParallel(pool, threads, MEASURE_NANOS);
            System.out.printf(Locale.ROOT, "%-50s %,12.0f /s%n", what, total * 1e9 / MEASURE_NANOS);
        } finally {
            pool.shutdownNow();
        }
    }

    private long runParallel(ExecutorService pool, int threads, long nanos) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 512;
            futures.add(pool.submit(() -> {
                long count = 0;
                while (!stop.get()) {
                    TransactionDecoder.decode(raws.get((int) (offset + count++) & 1023));
                }
                return count;
            }));
        }
        Thread.sleep(nanos / 1_000_000);
        stop.set(true);
        long total = 0;
        for (Future<Long> future : futures) {
            total += future.get();
        }
        return total;
    }

    /** Bytes allocated per decode, from the JVM's per-thread counter (HotSpot). */
    private void printAllocation() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        int n = 10_000;
        long before = threads.getThreadAllocatedBytes(id);
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += TransactionParser.parse(raws.get(i & 1023)).nonce();
        }
        long parse = (threads.getThreadAllocatedBytes(id) - before) / n;
        before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < n; i++) {
            sink += TransactionDecoder.decode(raws.get(i & 1023)).nonce();
        }
        long decode = (threads.getThreadAllocatedBytes(id) - before) / n;
        assertThat(sink).isNotZero();
        int averageSize = raws.stream().mapToInt(raw -> raw.length).sum() / raws.size();
        System.out.printf(Locale.ROOT, "allocated per transaction (average %d bytes raw): decode only %,d B, with recovery %,d B%n",
                averageSize, parse, decode);
    }

    /** EIP-1559 transactions calling Flow.submit, as the 0G SDK sends them, with some legacy ones among them. */
    private static List<byte[]> signedTransactions(int count) {
        Random random = new Random(1);
        AbiFunction submit = AbiFunction.parse("submit(((uint256,bytes,(bytes32,uint256)[]),address))");
        byte[] calldata = submit.encodeCall(List.of(AbiBindingTest.genericSubmission()));
        List<byte[]> raws = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PrivateKey key = PrivateKey.of(Values.bytes(random, 32));
            UnsignedTransaction tx = i % 8 == 0
                    ? UnsignedTransaction.legacy(16_600L, 1 + i, BigInteger.TEN.pow(9), 21_000, io.zgnode.api.chain.Address.ZERO,
                            BigInteger.TEN.pow(18), new byte[0])
                    : UnsignedTransaction.eip1559(16_600, 1 + i, BigInteger.TEN.pow(9), BigInteger.TEN.pow(10), 300_000,
                            io.zgnode.api.chain.Address.of(Values.bytes(random, 20)), BigInteger.valueOf(256_000), calldata, null);
            Transaction signed = tx.sign(key);
            raws.add(signed.raw());
        }
        return raws;
    }
}
