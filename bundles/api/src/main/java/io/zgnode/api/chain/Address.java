package io.zgnode.api.chain;

/** A 20-byte account address. */
public final class Address extends FixedBytes implements Comparable<Address> {

    public static final int LENGTH = 20;
    public static final Address ZERO = new Address(new byte[LENGTH]);

    private Address(byte[] bytes) {
        super(bytes, LENGTH, "address");
    }

    public static Address of(byte[] bytes) {
        return new Address(bytes);
    }

    /** From 40 hex digits, with or without 0x; the checksum case is not checked here. */
    public static Address of(String hex) {
        return new Address(parse(hex, LENGTH, "address"));
    }

    @Override
    public int compareTo(Address other) {
        return compare(other);
    }
}
