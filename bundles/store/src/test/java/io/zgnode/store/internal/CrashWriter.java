package io.zgnode.store.internal;

import java.io.PrintStream;
import java.nio.file.Path;

import io.zgnode.api.store.Keys;
import io.zgnode.api.store.WriteBatch;

/**
 * The child process of {@link CrashSafetyTest}: commits numbered batches until it is killed and
 * prints each number after {@code commit()} returns. Batch {@code n} puts {@link #KEYS} keys
 * {@code n.j}, deletes key {@code (n-1).0} and overwrites {@code last} with {@code n}.
 */
public final class CrashWriter {

    static final String NAMESPACE = "crash";
    static final int KEYS = 20;
    static final byte[] LAST = "last".getBytes();

    private CrashWriter() {
    }

    static byte[] key(long batch, int j) {
        return Keys.concat(Keys.ofLong(batch), new byte[] {(byte) j});
    }

    static byte[] value(long batch, int j) {
        byte[] value = new byte[64 + (int) ((batch * 31 + j) % 200)];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (batch * 7 + j + i);
        }
        return value;
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try (MapDbStore store = new MapDbStore(StoreSettings.of(Path.of(args[0])))) {
            byte[] last = store.get(NAMESPACE, LAST);
            long n = last == null ? 0 : Keys.toLong(last, 0);
            while (true) {
                n++;
                WriteBatch batch = store.newBatch();
                for (int j = 0; j < KEYS; j++) {
                    batch.put(NAMESPACE, key(n, j), value(n, j));
                }
                if (n > 1) {
                    batch.delete(NAMESPACE, key(n - 1, 0));
                }
                batch.put(NAMESPACE, LAST, Keys.ofLong(n));
                batch.commit();
                out.println(n);
                out.flush();
            }
        }
    }
}
