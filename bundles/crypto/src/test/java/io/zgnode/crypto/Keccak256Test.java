package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

class Keccak256Test {
    private final SplittableRandom random = new SplittableRandom(42);

    @Test
    void knownVectors() {
        assertThat(Hex.encode(Keccak256.hash(new byte[0])))
                .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        assertThat(Hex.encode(Keccak256.hash(new byte[256])))
                .isEqualTo("0xd397b3b043d87fcd6fad1291ff0bfd16401c274896d8c63a923727f077b8e0b5");
        assertThat(Hex.encode(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
        // the selector of transfer(address,uint256) is its first four bytes
        assertThat(Hex.encode(Keccak256.hash("transfer(address,uint256)".getBytes(StandardCharsets.US_ASCII))))
                .startsWith("0xa9059cbb");
    }

    @Test
    void equalsBouncyCastleOnEveryLengthUpTo1000() {
        for (int length = 0; length <= 1000; length++) {
            byte[] data = randomBytes(length);
            assertThat(Keccak256.hash(data)).as("length %d", length).isEqualTo(bouncyCastle(data));
        }
    }

    @Test
    void equalsBouncyCastleAroundTheRateBoundaries() {
        for (int length : new int[] {135, 136, 137, 271, 272, 273, 407, 408, 409, 4096, 1 << 16}) {
            for (int trial = 0; trial < 20; trial++) {
                byte[] data = randomBytes(length);
                assertThat(Keccak256.hash(data)).as("length %d", length).isEqualTo(bouncyCastle(data));
            }
        }
    }

    @Test
    void hashesASliceOfAnArray() {
        byte[] data = randomBytes(500);
        assertThat(Keccak256.hash(data, 7, 300)).isEqualTo(bouncyCastle(Arrays.copyOfRange(data, 7, 307)));
        assertThatThrownBy(() -> Keccak256.hash(data, 400, 101)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Keccak256.hash(data, -1, 10)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void hashOfTwoArraysIsHashOfTheirConcatenation() {
        for (int[] lengths : new int[][] {{32, 32}, {0, 0}, {0, 64}, {64, 0}, {3, 200}, {135, 1}, {136, 136}, {100, 500}}) {
            byte[] a = randomBytes(lengths[0]);
            byte[] b = randomBytes(lengths[1]);
            byte[] joined = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            assertThat(Keccak256.hash(a, b)).as("lengths %d + %d", a.length, b.length).isEqualTo(bouncyCastle(joined));
        }
    }

    @Test
    void hasherGivesTheSameResultHoweverTheInputIsSplit() {
        for (int trial = 0; trial < 200; trial++) {
            byte[] data = randomBytes(random.nextInt(1200));
            Keccak256.Hasher hasher = new Keccak256.Hasher();
            int position = 0;
            while (position < data.length) {
                if (random.nextInt(4) == 0) {
                    hasher.update(data[position++]);
                } else {
                    int chunk = Math.min(random.nextInt(300), data.length - position);
                    hasher.update(data, position, chunk);
                    position += chunk;
                }
            }
            assertThat(hasher.digest()).isEqualTo(bouncyCastle(data));
        }
    }

    @Test
    void hasherStartsAfreshAfterDigestAndReset() {
        byte[] first = randomBytes(300);
        byte[] second = randomBytes(40);
        Keccak256.Hasher hasher = new Keccak256.Hasher();
        assertThat(hasher.update(first).digest()).isEqualTo(Keccak256.hash(first));
        assertThat(hasher.update(second).digest()).isEqualTo(Keccak256.hash(second));

        hasher.update(first).reset();
        assertThat(hasher.update(second).digest()).isEqualTo(Keccak256.hash(second));
        assertThat(hasher.digest()).isEqualTo(Keccak256.hash(new byte[0]));
    }

    @Test
    void hasherWritesIntoTheCallersBuffer() {
        byte[] data = randomBytes(64);
        byte[] out = new byte[40];
        new Keccak256.Hasher().update(data).digest(out, 8);
        assertThat(Arrays.copyOfRange(out, 8, 40)).isEqualTo(Keccak256.hash(data));
        assertThat(Arrays.copyOfRange(out, 0, 8)).containsOnly(0);
        assertThatThrownBy(() -> new Keccak256.Hasher().digest(out, 9)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void isNotSha3() {
        // SHA3-256("") starts a7ffc6f8; Keccak-256 pads differently
        assertThat(Hex.encode(Keccak256.hash(new byte[0]))).doesNotStartWith("0xa7ffc6f8");
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] bouncyCastle(byte[] data) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
