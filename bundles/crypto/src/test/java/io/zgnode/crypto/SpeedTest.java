package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Single-thread throughput, printed for the record (bench/RESULTS.md), never asserted: timings on
 * a shared 2-core machine are too noisy to fail a build on. JMH-free, so figures are indicative;
 * each runs after a 2 s warm-up, which BouncyCastle's large EC methods need before C2 settles.
 * Excluded from the default build (see the pom): {@code -Dgroups=speed -DexcludedGroups=none}.
 */
@Tag("benchmark")
class SpeedTest {
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 2_000_000_000L;

    private final SplittableRandom random = new SplittableRandom(1);

    @Test
    void keccak256() {
        byte[] chunk = randomBytes(256);
        byte[] left = randomBytes(32);
        byte[] right = randomBytes(32);
        byte[] bulk = randomBytes(1 << 20);
        byte[] out = new byte[32];
        Keccak256.Hasher hasher = new Keccak256.Hasher();
        KeccakDigest bouncyCastle = new KeccakDigest(256);

        report("keccak256 256 B, hash(byte[])", 256, i -> chunk[0] = Keccak256.hash(chunk)[0]);
        report("keccak256 256 B, own Hasher into buffer", 256, i -> {
            hasher.update(chunk).digest(out, 0);
            chunk[0] = out[0];
        });
        report("keccak256 256 B, peer: new BouncyCastle digest", 256, i -> chunk[0] = Keccak256Test.bouncyCastle(chunk)[0]);
        report("keccak256 256 B, peer: reused BouncyCastle digest", 256, i -> {
            bouncyCastle.update(chunk, 0, chunk.length);
            bouncyCastle.doFinal(out, 0);
            chunk[0] = out[0];
        });
        report("keccak256 32+32 B pair, hash(a, b)", 64, i -> left[0] = Keccak256.hash(left, right)[0]);
        report("keccak256 1 MiB, hash(byte[])", 1 << 20, i -> bulk[0] = Keccak256.hash(bulk)[0]);
        assertThat(Keccak256.hash(chunk)).hasSize(32);
    }

    @Test
    void secp256k1() throws Exception {
        int keys = 64;
        byte[][] hashes = new byte[keys][];
        Signature[] signatures = new Signature[keys];
        PrivateKey[] privateKeys = new PrivateKey[keys];
        SecureRandom secureRandom = new SecureRandom();
        for (int i = 0; i < keys; i++) {
            privateKeys[i] = PrivateKey.random(secureRandom);
            hashes[i] = randomBytes(32);
            signatures[i] = privateKeys[i].sign(hashes[i]);
        }
        report("secp256k1 recover", 0, i -> {
            try {
                Secp256k1.recover(hashes[i % keys], signatures[i % keys], Secp256k1.HighS.REJECT);
            } catch (InvalidSignatureException e) {
                throw new AssertionError(e);
            }
        });
        report("secp256k1 sign", 0, i -> privateKeys[i % keys].sign(hashes[i % keys]));
        report("secp256k1 verify", 0,
                i -> Secp256k1.verify(hashes[i % keys], signatures[i % keys], privateKeys[i % keys].publicKey()));
        assertThat(Secp256k1.recover(hashes[0], signatures[0])).isEqualTo(privateKeys[0].publicKey());
    }

    @Test
    void ed25519() {
        Ed25519.KeyPair pair = Ed25519.generate(new SecureRandom());
        byte[] message = randomBytes(200);
        byte[] signature = pair.sign(message);
        byte[] publicKey = pair.publicKey().bytes();

        report("ed25519 sign, 200 B message", 0, i -> message[0] = pair.sign(message)[0]);
        byte[] signed = message.clone();
        byte[] fixedSignature = pair.sign(signed);
        report("ed25519 verify, decoded key", 0, i -> pair.publicKey().verify(signed, fixedSignature));
        report("ed25519 verify, key decoded each time", 0,
                i -> Ed25519.PublicKey.of(publicKey).verify(signed, fixedSignature));
        assertThat(pair.publicKey().verify(signed, fixedSignature)).isTrue();
        assertThat(signature).hasSize(64);
    }

    /** Runs {@code operation} repeatedly and prints operations per second (and MiB/s if it processes bytes). */
    private static void report(String name, int bytesPerOperation, IntConsumer operation) {
        run(operation, WARM_UP_NANOS);
        long start = System.nanoTime();
        long count = run(operation, MEASURE_NANOS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = count / seconds;
        String throughput = bytesPerOperation == 0
                ? ""
                : String.format(Locale.ROOT, ", %.0f MiB/s", perSecond * bytesPerOperation / (1 << 20));
        System.out.printf(Locale.ROOT, "[speed] %-52s %,12.0f /s%s%n", name, perSecond, throughput);
    }

    private static long run(IntConsumer operation, long nanos) {
        long deadline = System.nanoTime() + nanos;
        long count = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 16; i++) {
                operation.accept((int) count++);
            }
        }
        return count;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
