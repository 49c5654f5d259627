package io.zgnode.net.wire;

/** The plaintext of one encrypted frame; see the package documentation for the encoding. */
public sealed interface Frame {

    /** The first encrypted frame of each side: its signature of the handshake transcript. */
    record Auth(byte[] signature) implements Frame {
    }

    record Gossip(String topic, byte[] payload) implements Frame {
    }

    record Request(long id, String protocol, byte[] payload) implements Frame {
    }

    /** {@code payload} is the answer when {@code status} is {@link #OK}, else a UTF-8 reason. */
    record Response(long id, int status, byte[] payload) implements Frame {

        public static final int OK = 0;
        public static final int UNKNOWN_PROTOCOL = 1;
        public static final int INVALID_REQUEST = 2;
        public static final int FAILED = 3;
        public static final int TOO_LARGE = 4;
        public static final int BUSY = 5;

        public static Response error(long id, int status, String reason) {
            return new Response(id, status, Frames.utf8(reason, Frames.MAX_REASON_BYTES));
        }

        public String reason() {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    record Ping(long nonce) implements Frame {
    }

    record Pong(long nonce) implements Frame {
    }

    record Goodbye(int reason, String text) implements Frame {

        public static final int SHUTDOWN = 1;
        public static final int DUPLICATE = 2;
        public static final int TOO_MANY_PEERS = 3;
        public static final int BANNED = 4;
        public static final int PROTOCOL_ERROR = 5;
        public static final int TIMEOUT = 6;
    }
}
