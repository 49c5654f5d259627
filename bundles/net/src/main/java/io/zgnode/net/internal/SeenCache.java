package io.zgnode.net.internal;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The gossip message ids seen lately: at most {@code capacity}, each for at most {@code ttlMillis}
 * (the oldest go first). Thread-safe.
 */
public final class SeenCache {

    private record Id(long a, long b, long c, long d) {
        static Id of(byte[] hash) {
            ByteBuffer in = ByteBuffer.wrap(hash);
            return new Id(in.getLong(), in.getLong(), in.getLong(), in.getLong());
        }
    }

    private final LinkedHashMap<Id, Long> seen = new LinkedHashMap<>();
    private final int capacity;
    private final long ttlMillis;
    private final LongSupplier clock;

    public SeenCache(int capacity, long ttlMillis) {
        this(capacity, ttlMillis, System::currentTimeMillis);
    }

    SeenCache(int capacity, long ttlMillis, LongSupplier clock) {
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    /** Records a 32-byte id; true if it was not seen (within the cache's bounds) before. */
    public synchronized boolean add(byte[] id) {
        long now = clock.getAsLong();
        expire(now);
        Id key = Id.of(id);
        Long previous = seen.get(key);
        if (previous != null) {
            return false;
        }
        seen.put(key, now + ttlMillis);
        if (seen.size() > capacity) {
            Iterator<Map.Entry<Id, Long>> it = seen.entrySet().iterator();
            it.next();
            it.remove();
        }
        return true;
    }

    public synchronized boolean contains(byte[] id) {
        expire(clock.getAsLong());
        return seen.containsKey(Id.of(id));
    }

    public synchronized int size() {
        return seen.size();
    }

    private void expire(long now) {
        Iterator<Map.Entry<Id, Long>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() > now) {
                return;
            }
            it.remove();
        }
    }
}
