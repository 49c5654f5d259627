package io.zgnode.api.net;

import java.util.Arrays;
import java.util.HexFormat;

/** A node's identity on the network: its Ed25519 public key (32 bytes). */
public final class PeerId implements Comparable<PeerId> {

    public static final int LENGTH = 32;

    private final byte[] key;

    private PeerId(byte[] key) {
        if (key == null || key.length != LENGTH) {
            throw new IllegalArgumentException("a peer id is a 32-byte Ed25519 public key");
        }
        this.key = key.clone();
    }

    public static PeerId of(byte[] publicKey) {
        return new PeerId(publicKey);
    }

    /** From 64 hex digits, with or without 0x. */
    public static PeerId of(String hex) {
        String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
        try {
            return new PeerId(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a peer id is 64 hex digits: " + hex, e);
        }
    }

    public byte[] publicKey() {
        return key.clone();
    }

    /** Full 0x-hex. */
    @Override
    public String toString() {
        return "0x" + HexFormat.of().formatHex(key);
    }

    /** The first 8 hex digits, for logs and listings. */
    public String shortForm() {
        return HexFormat.of().formatHex(key, 0, 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeerId id && Arrays.equals(key, id.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public int compareTo(PeerId other) {
        return Arrays.compareUnsigned(key, other.key);
    }
}
