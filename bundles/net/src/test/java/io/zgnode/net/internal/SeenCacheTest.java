package io.zgnode.net.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SeenCacheTest {

    private static byte[] id(int n) {
        byte[] id = new byte[32];
        id[31] = (byte) n;
        id[0] = (byte) (n >> 8);
        return id;
    }

    @Test
    void remembersIdsWithinCapacityAndTime() {
        AtomicLong now = new AtomicLong();
        SeenCache cache = new SeenCache(100, 1000, now::get);
        assertThat(cache.add(id(1))).isTrue();
        assertThat(cache.add(id(1))).isFalse();
        now.addAndGet(999);
        assertThat(cache.add(id(1))).isFalse();
        now.addAndGet(1);
        assertThat(cache.contains(id(1))).as("expired").isFalse();
        assertThat(cache.add(id(1))).isTrue();

        for (int i = 2; i < 300; i++) {
            cache.add(id(i));
        }
        assertThat(cache.size()).isEqualTo(100);
        assertThat(cache.contains(id(299))).isTrue();
        assertThat(cache.contains(id(150))).as("the oldest went first").isFalse();
    }
}
