package io.zgnode.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.store.Keys;

/**
 * Kills a writing child JVM with SIGKILL (several rounds, each continuing the last one's file)
 * and checks that every batch it acknowledged is fully present and no batch is partly present.
 */
class CrashSafetyTest {

    private static final long READ_TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedBatchSurvivesSigkillAndNoBatchIsPartial() throws Exception {
        Path storeDir = dir.resolve("store");
        long acknowledged = 0;
        // -Dstore.crash.rounds=N for a longer run; kill points vary so kills land in all commit phases
        int rounds = Integer.getInteger("store.crash.rounds", 3);
        java.util.Random random = new java.util.Random(rounds);
        for (int round = 0; round < rounds; round++) {
            int killAfter = round == 0 ? 300 : 100 + random.nextInt(300);
            long lastAck = runAndKill(storeDir, killAfter, random.nextInt(4000), round);
            assertThat(lastAck).as("round %d acknowledged batches", round).isGreaterThan(acknowledged);
            acknowledged = lastAck;
            String filesAfterKill = listFiles(storeDir);
            long committed = verify(storeDir, acknowledged);
            System.out.printf("crash round %d: killed after batch %d acknowledged, store holds %d batches, "
                    + "files after kill: %s%n", round, acknowledged, committed, filesAfterKill);
            acknowledged = committed; // the next round continues from what the store holds
        }
    }

    /**
     * Runs the writer until it acknowledged {@code count} batches, waits {@code delayMicros}, kills
     * it, and returns the last acknowledged batch.
     */
    private long runAndKill(Path storeDir, int count, int delayMicros, int round) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File stderr = dir.resolve("writer-" + round + ".err").toFile();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), storeDir.toString())
                .redirectError(stderr);
        Process process = builder.start();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the stream closes when the process dies
                } finally {
                    lines.add("EOF");
                }
            }, "crash-writer-stdout");
            reader.setDaemon(true);
            reader.start();
            long last = -1;
            for (int i = 0; i < count; i++) {
                String line = lines.poll(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertThat(line).as("writer output (stderr: %s)", readQuietly(stderr)).isNotNull().isNotEqualTo("EOF");
                last = Long.parseLong(line.trim());
            }
            TimeUnit.MICROSECONDS.sleep(delayMicros); // land the kill anywhere in a commit
            process.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            // acknowledgements printed before the kill took effect count as well
            String line;
            while ((line = lines.poll()) != null && !line.equals("EOF")) {
                last = Long.parseLong(line.trim());
            }
            return last;
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Checks the store's contents and returns how many batches it holds. */
    private static long verify(Path storeDir, long acknowledged) {
        try (MapDbStore store = new MapDbStore(StoreSettings.of(storeDir))) {
            byte[] lastValue = store.get(CrashWriter.NAMESPACE, CrashWriter.LAST);
            assertThat(lastValue).isNotNull();
            long last = Keys.toLong(lastValue, 0);
            assertThat(last).as("batches in the store vs acknowledged").isGreaterThanOrEqualTo(acknowledged);
            assertThat(store.sequence()).isEqualTo(last);
            List<String> problems = new ArrayList<>();
            for (long n = 1; n <= last + 5; n++) {
                for (int j = 0; j < CrashWriter.KEYS; j++) {
                    byte[] value = store.get(CrashWriter.NAMESPACE, CrashWriter.key(n, j));
                    boolean deleted = j == 0 && n < last; // batch n+1 deleted key n.0
                    if (n <= last && !deleted) {
                        if (value == null || !java.util.Arrays.equals(value, CrashWriter.value(n, j))) {
                            problems.add("batch " + n + " key " + j + " missing or wrong");
                        }
                    } else if (value != null) {
                        problems.add("batch " + n + " key " + j + " present but should not be");
                    }
                }
            }
            assertThat(problems).isEmpty();
            long entries = 0;
            for (var it = store.scan(CrashWriter.NAMESPACE, null, null, false); it.hasNext(); it.next()) {
                entries++;
            }
            // KEYS per batch, less the deleted first keys of all but the last batch, plus "last"
            assertThat(entries).isEqualTo(last * CrashWriter.KEYS - (last - 1) + 1);
            return last;
        }
    }

    private static String listFiles(Path storeDir) throws IOException {
        try (var files = Files.list(storeDir)) {
            return files.map(p -> p.getFileName() + "=" + p.toFile().length()).sorted().toList().toString();
        }
    }

    private static String readQuietly(File file) {
        try {
            return Files.readString(file.toPath());
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
