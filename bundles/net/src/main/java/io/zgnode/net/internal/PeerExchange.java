package io.zgnode.net.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.zgnode.api.net.PeerId;
import io.zgnode.net.wire.Frames;
import io.zgnode.net.wire.ProtocolException;
import io.zgnode.net.wire.ProtocolException.Kind;

/**
 * The built-in protocol {@value Frames#PEERS_PROTOCOL}: an empty request, answered with up to
 * {@value #MAX_ENTRIES} entries {@code identity 32, listenLen 1, listen UTF-8} after a count byte.
 */
public final class PeerExchange {

    public static final int MAX_ENTRIES = 64;

    public record Entry(PeerId peer, HostPort listen) {
    }

    private PeerExchange() {
    }

    public static byte[] encode(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Entry> list = entries.size() > MAX_ENTRIES ? entries.subList(0, MAX_ENTRIES) : entries;
        out.write(list.size());
        for (Entry e : list) {
            out.writeBytes(e.peer().publicKey());
            byte[] address = Frames.utf8(e.listen().toString(), 255);
            out.write(address.length);
            out.writeBytes(address);
        }
        return out.toByteArray();
    }

    /** The entries of a response; unparsable addresses are skipped, a malformed response refused. */
    public static List<Entry> decode(byte[] response) throws ProtocolException {
        try {
            ByteBuffer in = ByteBuffer.wrap(response);
            int count = in.get() & 0xff;
            if (count > MAX_ENTRIES) {
                throw new ProtocolException(Kind.MALFORMED, "peer exchange response of " + count + " entries");
            }
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] id = new byte[PeerId.LENGTH];
                in.get(id);
                byte[] address = new byte[in.get() & 0xff];
                in.get(address);
                try {
                    out.add(new Entry(PeerId.of(id), HostPort.parse(new String(address, StandardCharsets.UTF_8))));
                } catch (IllegalArgumentException e) {
                    // an address we cannot use: skip it
                }
            }
            if (in.hasRemaining()) {
                throw new ProtocolException(Kind.MALFORMED, "trailing bytes in peer exchange response");
            }
            return out;
        } catch (java.nio.BufferUnderflowException e) {
            throw new ProtocolException(Kind.MALFORMED, "truncated peer exchange response");
        }
    }
}
