package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The static functions share no mutable state: many threads get the same answers as one. */
class ConcurrencyTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 150;

    @Test
    void functionsGiveCorrectResultsUnderConcurrentUse() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(worker(t)));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(ROUNDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Integer> worker(int seed) {
        return () -> {
            SplittableRandom random = new SplittableRandom(seed);
            SecureRandom secureRandom = new SecureRandom();
            int checked = 0;
            for (int round = 0; round < ROUNDS; round++) {
                byte[] data = new byte[random.nextInt(600)];
                random.nextBytes(data);
                assertThat(Keccak256.hash(data)).isEqualTo(Keccak256Test.bouncyCastle(data));

                PrivateKey key = PrivateKey.random(secureRandom);
                byte[] hash = Keccak256.hash(data);
                assertThat(Secp256k1.recover(hash, key.sign(hash))).isEqualTo(key.publicKey());

                Ed25519.KeyPair pair = Ed25519.generate(secureRandom);
                assertThat(pair.publicKey().verify(data, pair.sign(data))).isTrue();
                checked++;
            }
            return checked;
        };
    }
}
