package io.zgnode.ethereum;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.crypto.Keccak256;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 2048-bit bloom filter of Ethereum receipts and block headers: each log's address and
 * topics set three bits each, taken from the first six bytes of their Keccak-256 as three 11-bit
 * numbers. Immutable; accumulate with a {@link Builder}. {@link #mightContain} can answer true
 * for something never added, never false for something that was.
 */
public final class LogsBloom {
    public static final int BYTES = 256;
    public static final LogsBloom EMPTY = new LogsBloom(new byte[BYTES]);

    private final byte[] bits;

    private LogsBloom(byte[] bits) {
        this.bits = bits;
    }

    /**
     * The bloom with these 256 bytes, as a header or receipt carries them.
     *
     * @throws IllegalArgumentException if {@code bytes} is not 256 bytes
     */
    public static LogsBloom of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a logs bloom is " + BYTES + " bytes, got " + bytes.length);
        }
        return new LogsBloom(bytes.clone());
    }

    /** The bloom of these logs' addresses and topics. */
    public static LogsBloom of(Iterable<Log> logs) {
        Builder builder = new Builder();
        for (Log log : logs) {
            builder.add(log);
        }
        return builder.build();
    }

    /** True if {@code address} may have been added; false if it certainly was not. */
    public boolean mightContain(Address address) {
        return mightContain(address.toArray());
    }

    /** True if {@code topic} may have been added; false if it certainly was not. */
    public boolean mightContain(Hash topic) {
        return mightContain(topic.toArray());
    }

    /** True if these bytes (an address's or a topic's) may have been added. */
    public boolean mightContain(byte[] value) {
        byte[] hash = Keccak256.hash(value);
        for (int i = 0; i < 6; i += 2) {
            int bit = bitIndex(hash, i);
            if ((bits[byteIndex(bit)] & bitMask(bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** This bloom and {@code other} combined, as a block's bloom combines its receipts'. */
    public LogsBloom or(LogsBloom other) {
        byte[] combined = bits.clone();
        for (int i = 0; i < BYTES; i++) {
            combined[i] |= other.bits[i];
        }
        return new LogsBloom(combined);
    }

    /** True if this bloom contains every bit of {@code other}. */
    public boolean contains(LogsBloom other) {
        for (int i = 0; i < BYTES; i++) {
            if ((bits[i] & other.bits[i]) != other.bits[i]) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** A copy of the 256 bytes. */
    public byte[] toArray() {
        return bits.clone();
    }

    /** 11 bits from a pair of hash bytes: a bit number 0..2047, counted from the last byte's lowest bit. */
    private static int bitIndex(byte[] hash, int pair) {
        return ((hash[pair] & 0xff) << 8 | (hash[pair + 1] & 0xff)) & 2047;
    }

    private static int byteIndex(int bit) {
        return BYTES - 1 - bit / 8;
    }

    private static int bitMask(int bit) {
        return 1 << (bit % 8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogsBloom that && Arrays.equals(bits, that.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    /** 0x-prefixed hex of the 256 bytes. */
    @Override
    public String toString() {
        return "0x" + HexFormat.of().formatHex(bits);
    }

    /** Accumulates a bloom. Not thread-safe: one per receipt or block being built. */
    public static final class Builder {
        private final byte[] bits = new byte[BYTES];

        /** Adds the log's address and every topic. */
        public Builder add(Log log) {
            add(log.address().toArray());
            for (Hash topic : log.topics()) {
                add(topic.toArray());
            }
            return this;
        }

        public Builder add(Address address) {
            return add(address.toArray());
        }

        public Builder add(Hash topic) {
            return add(topic.toArray());
        }

        /** Adds every bit of {@code bloom}. */
        public Builder add(LogsBloom bloom) {
            for (int i = 0; i < BYTES; i++) {
                bits[i] |= bloom.bits[i];
            }
            return this;
        }

        /** Adds bytes as an address or topic is added: by the bits of their Keccak-256. */
        public Builder add(byte[] value) {
            byte[] hash = Keccak256.hash(value);
            for (int i = 0; i < 6; i += 2) {
                int bit = bitIndex(hash, i);
                bits[byteIndex(bit)] |= (byte) bitMask(bit);
            }
            return this;
        }

        public LogsBloom build() {
            return new LogsBloom(bits.clone());
        }
    }
}
