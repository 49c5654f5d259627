package io.zgnode.da.contracts;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.zgnode.api.chain.Address;

/**
 * A DA signer as the registry knows it: its account, its locked stake, where it is reached (the
 * URL of its node's JSON-RPC), and the first epoch it counts in. Genesis signers count from
 * epoch 0; a signer registered by transaction from the epoch after its registration.
 */
public record Signer(Address address, BigInteger stake, String socket, long fromEpoch) {

    /** The longest socket, in UTF-8 bytes. */
    public static final int MAX_SOCKET_BYTES = 256;

    public Signer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(stake, "stake");
        Objects.requireNonNull(socket, "socket");
        if (stake.signum() <= 0) {
            throw new IllegalArgumentException("a signer's stake must be positive, got " + stake);
        }
        if (fromEpoch < 0) {
            throw new IllegalArgumentException("a signer's first epoch cannot be negative, got " + fromEpoch);
        }
    }

    /** Whether the signer counts in {@code epoch}. */
    public boolean isActiveIn(long epoch) {
        return fromEpoch <= epoch;
    }

    /**
     * Checks a socket as the registry accepts it: 1 to {@link #MAX_SOCKET_BYTES} bytes of UTF-8.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void checkSocket(String socket) {
        int bytes = socket == null ? 0 : socket.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_SOCKET_BYTES) {
            throw new IllegalArgumentException("a socket is 1 to " + MAX_SOCKET_BYTES + " bytes of UTF-8, got " + bytes);
        }
    }
}
