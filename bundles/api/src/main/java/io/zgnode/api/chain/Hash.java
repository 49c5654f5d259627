package io.zgnode.api.chain;

/** A 32-byte hash (Keccak-256 on this chain): block, transaction and state roots. */
public final class Hash extends FixedBytes implements Comparable<Hash> {

    public static final int LENGTH = 32;
    public static final Hash ZERO = new Hash(new byte[LENGTH]);

    private Hash(byte[] bytes) {
        super(bytes, LENGTH, "hash");
    }

    public static Hash of(byte[] bytes) {
        return new Hash(bytes);
    }

    /** From 64 hex digits, with or without 0x. */
    public static Hash of(String hex) {
        return new Hash(parse(hex, LENGTH, "hash"));
    }

    @Override
    public int compareTo(Hash other) {
        return compare(other);
    }
}
