package io.zgnode.net.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import io.zgnode.net.wire.ProtocolException.Kind;

/**
 * The plaintext first message of each side of a handshake.
 *
 * @param listen where the sender accepts peers ("host:port"), or empty
 */
public record Hello(long chainId, byte[] genesis, byte[] ephemeral, byte[] identity, String listen) {

    static final byte[] MAGIC = {'Z', 'G', 'N', '1'};
    static final byte VERSION = 1;
    private static final int FIXED = 4 + 1 + 8 + 32 + 32 + 32 + 1;

    public Hello {
        if (genesis.length != 32 || ephemeral.length != 32 || identity.length != 32) {
            throw new IllegalArgumentException("genesis, ephemeral and identity are 32 bytes each");
        }
        if (listen.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("listen address longer than 255 bytes");
        }
    }

    public byte[] encode() {
        byte[] address = listen.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(FIXED + address.length).put(MAGIC).put(VERSION).putLong(chainId).put(genesis)
                .put(ephemeral).put(identity).put((byte) address.length).put(address).array();
    }

    public static Hello decode(byte[] body) throws ProtocolException {
        if (body.length < FIXED) {
            throw new ProtocolException(Kind.HANDSHAKE, "hello of " + body.length + " bytes is too short");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] magic = new byte[4];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ProtocolException(Kind.HANDSHAKE, "not a zgnode peer (magic 0x" + HexFormat.of().formatHex(magic) + ")");
        }
        byte version = in.get();
        if (version != VERSION) {
            throw new ProtocolException(Kind.INCOMPATIBLE, "unsupported protocol version " + (version & 0xff) + " (we speak " + VERSION + ")");
        }
        long chainId = in.getLong();
        byte[] genesis = new byte[32];
        byte[] ephemeral = new byte[32];
        byte[] identity = new byte[32];
        in.get(genesis).get(ephemeral).get(identity);
        int length = in.get() & 0xff;
        if (in.remaining() != length) {
            throw new ProtocolException(Kind.HANDSHAKE, "hello listen address length " + length + " but " + in.remaining() + " bytes follow");
        }
        byte[] address = new byte[length];
        in.get(address);
        String listen;
        try {
            listen = Frames.strictUtf8(address);
        } catch (ProtocolException e) {
            throw new ProtocolException(Kind.HANDSHAKE, "hello listen address is not UTF-8");
        }
        return new Hello(chainId, genesis, ephemeral, identity, listen);
    }

    /** Same chain id and genesis block. */
    public boolean sameNetwork(Hello other) {
        return chainId == other.chainId && Arrays.equals(genesis, other.genesis);
    }

    public String network() {
        return "chain " + chainId + " genesis 0x" + HexFormat.of().formatHex(genesis);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hello h && chainId == h.chainId && Arrays.equals(genesis, h.genesis)
                && Arrays.equals(ephemeral, h.ephemeral) && Arrays.equals(identity, h.identity) && listen.equals(h.listen);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(identity);
    }

    @Override
    public String toString() {
        return "Hello[" + network() + ", identity 0x" + HexFormat.of().formatHex(identity) + ", listen " + listen + "]";
    }
}
