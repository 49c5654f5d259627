package io.zgnode.net.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.zgnode.crypto.Keccak256;
import io.zgnode.net.wire.Frame.Auth;
import io.zgnode.net.wire.Frame.Goodbye;
import io.zgnode.net.wire.Frame.Gossip;
import io.zgnode.net.wire.Frame.Ping;
import io.zgnode.net.wire.Frame.Pong;
import io.zgnode.net.wire.Frame.Request;
import io.zgnode.net.wire.Frame.Response;
import io.zgnode.net.wire.ProtocolException.Kind;

/** Encoding and decoding of frame plaintexts. Stateless, thread-safe. */
public final class Frames {

    public static final byte AUTH = 0x01;
    public static final byte GOSSIP = 0x02;
    public static final byte REQUEST = 0x03;
    public static final byte RESPONSE = 0x04;
    public static final byte PING = 0x05;
    public static final byte PONG = 0x06;
    public static final byte GOODBYE = 0x07;

    /** Most bytes a frame adds to its payload: kind, id, name and its length, AEAD tag; rounded up. */
    public static final int OVERHEAD = 512;
    /** Longest topic or protocol name, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 255;
    /** Longest reason text of an error response or goodbye, in UTF-8 bytes. */
    public static final int MAX_REASON_BYTES = 255;

    /** The built-in peer exchange protocol. */
    public static final String PEERS_PROTOCOL = "zgnode/peers/1";

    private Frames() {
    }

    /** The frame's plaintext. */
    public static byte[] encode(Frame frame) {
        if (frame instanceof Gossip g) {
            byte[] topic = name(g.topic(), "topic");
            return ByteBuffer.allocate(2 + topic.length + g.payload().length)
                    .put(GOSSIP).put((byte) topic.length).put(topic).put(g.payload()).array();
        } else if (frame instanceof Request r) {
            byte[] protocol = name(r.protocol(), "protocol");
            return ByteBuffer.allocate(10 + protocol.length + r.payload().length)
                    .put(REQUEST).putLong(r.id()).put((byte) protocol.length).put(protocol).put(r.payload()).array();
        } else if (frame instanceof Response r) {
            return ByteBuffer.allocate(10 + r.payload().length)
                    .put(RESPONSE).putLong(r.id()).put((byte) r.status()).put(r.payload()).array();
        } else if (frame instanceof Ping p) {
            return ByteBuffer.allocate(9).put(PING).putLong(p.nonce()).array();
        } else if (frame instanceof Pong p) {
            return ByteBuffer.allocate(9).put(PONG).putLong(p.nonce()).array();
        } else if (frame instanceof Goodbye g) {
            byte[] text = utf8(g.text(), MAX_REASON_BYTES);
            return ByteBuffer.allocate(2 + text.length).put(GOODBYE).put((byte) g.reason()).put(text).array();
        } else if (frame instanceof Auth a) {
            return ByteBuffer.allocate(1 + a.signature().length).put(AUTH).put(a.signature()).array();
        }
        throw new IllegalArgumentException("unknown frame " + frame);
    }

    /** Parses a frame plaintext. */
    public static Frame decode(byte[] plain) throws ProtocolException {
        if (plain.length == 0) {
            throw malformed("empty frame");
        }
        ByteBuffer in = ByteBuffer.wrap(plain);
        byte kind = in.get();
        try {
            switch (kind) {
                case GOSSIP: {
                    String topic = readName(in, "topic");
                    return new Gossip(topic, rest(in));
                }
                case REQUEST: {
                    long id = in.getLong();
                    String protocol = readName(in, "protocol");
                    return new Request(id, protocol, rest(in));
                }
                case RESPONSE: {
                    long id = in.getLong();
                    int status = in.get() & 0xff;
                    return new Response(id, status, rest(in));
                }
                case PING:
                    return new Ping(exactLong(in));
                case PONG:
                    return new Pong(exactLong(in));
                case GOODBYE: {
                    int reason = in.get() & 0xff;
                    if (in.remaining() > MAX_REASON_BYTES) {
                        throw malformed("goodbye text longer than " + MAX_REASON_BYTES + " bytes");
                    }
                    return new Goodbye(reason, strictUtf8(rest(in)));
                }
                case AUTH: {
                    byte[] signature = rest(in);
                    if (signature.length != 64) {
                        throw malformed("auth frame of " + signature.length + " signature bytes");
                    }
                    return new Auth(signature);
                }
                default:
                    throw malformed("unknown frame kind " + (kind & 0xff));
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw malformed("truncated frame of kind " + (kind & 0xff));
        }
    }

    /** The number of payload bytes the frame carries (for counters). */
    public static int payloadSize(Frame frame) {
        if (frame instanceof Gossip g) {
            return g.payload().length;
        } else if (frame instanceof Request r) {
            return r.payload().length;
        } else if (frame instanceof Response r) {
            return r.payload().length;
        }
        return 0;
    }

    /** A gossip message's id: Keccak-256 of the topic's length, the topic and the payload. */
    public static byte[] messageId(String topic, byte[] payload) {
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        return new Keccak256.Hasher().update((byte) name.length).update(name).update(payload).digest();
    }

    /** Checks a topic or protocol name: 1 to 255 UTF-8 bytes. */
    public static byte[] name(String name, String what) {
        byte[] bytes = name == null ? new byte[0] : name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("a " + what + " is 1 to " + MAX_NAME_BYTES + " UTF-8 bytes: '" + name + "'");
        }
        return bytes;
    }

    /** {@code text} in UTF-8, cut to at most {@code max} bytes on a character boundary. */
    public static byte[] utf8(String text, int max) {
        byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return bytes;
        }
        int end = max;
        while (end > 0 && (bytes[end] & 0xc0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }

    /** Decodes UTF-8, refusing malformed input. */
    public static String strictUtf8(byte[] bytes) throws ProtocolException {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw malformed("invalid UTF-8");
        }
    }

    private static String readName(ByteBuffer in, String what) throws ProtocolException {
        int length = in.get() & 0xff;
        if (length == 0) {
            throw malformed("empty " + what);
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return strictUtf8(bytes);
    }

    private static long exactLong(ByteBuffer in) throws ProtocolException {
        long value = in.getLong();
        if (in.hasRemaining()) {
            throw malformed("trailing bytes");
        }
        return value;
    }

    private static byte[] rest(ByteBuffer in) {
        return Arrays.copyOfRange(in.array(), in.position(), in.limit());
    }

    private static ProtocolException malformed(String message) {
        return new ProtocolException(Kind.MALFORMED, message);
    }
}
