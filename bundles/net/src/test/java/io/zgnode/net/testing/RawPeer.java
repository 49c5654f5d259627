package io.zgnode.net.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;

import io.zgnode.api.net.PeerId;
import io.zgnode.crypto.Ed25519;
import io.zgnode.net.wire.Frame;
import io.zgnode.net.wire.Frames;
import io.zgnode.net.wire.Handshake;
import io.zgnode.net.wire.SessionCipher;

/**
 * A peer on a plain blocking socket, speaking the wire protocol step by step, so tests can send
 * what a real node never would: garbage, oversized lengths, unknown kinds, replays.
 */
public final class RawPeer implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    public final Socket socket;
    public final Ed25519.KeyPair key = Ed25519.generate(RANDOM);
    private final DataInputStream in;
    private final OutputStream out;
    private SessionCipher sender;
    private SessionCipher receiver;

    private RawPeer(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public static RawPeer connect(int port) throws IOException {
        return new RawPeer(port);
    }

    public PeerId id() {
        return PeerId.of(key.publicKey().bytes());
    }

    /** Runs the handshake as initiator; throws if the node does not complete it. */
    public RawPeer handshake(long chainId, byte[] genesis) throws Exception {
        Handshake handshake = new Handshake(true, key, chainId, genesis, "", RANDOM);
        byte[] hello = handshake.hello();
        out.write(new byte[] {0, 0, (byte) (hello.length >>> 8), (byte) hello.length});
        out.write(hello);
        out.flush();
        byte[] peerHello = readFrameBody();
        handshake.receive(peerHello);
        Handshake.Session session = handshake.session();
        sender = session.sender();
        receiver = session.receiver();
        out.write(sender.seal(Frames.encode(new Frame.Auth(session.signature()))));
        out.flush();
        byte[] frame = readFrame();
        Frame auth = Frames.decode(receiver.open(frame, 0, frame.length));
        if (!(auth instanceof Frame.Auth a) || !handshake.verify(a.signature())) {
            throw new IllegalStateException("node's auth does not verify");
        }
        return this;
    }

    /** The wire bytes of an encrypted frame (consumes a nonce). */
    public byte[] seal(byte[] plain) {
        return sender.seal(plain);
    }

    public void send(Frame frame) throws IOException {
        write(seal(Frames.encode(frame)));
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next frame from the node, decrypted. */
    public Frame read() throws Exception {
        byte[] frame = readFrame();
        return Frames.decode(receiver.open(frame, 0, frame.length));
    }

    /** Whether the node closes the connection within {@code timeout} (everything it sends meanwhile is skipped). */
    public boolean closedByNode(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException e) {
                return true; // reset
            }
        }
        return false;
    }

    private byte[] readFrame() throws IOException {
        int length = in.readInt();
        byte[] frame = new byte[4 + length];
        frame[0] = (byte) (length >>> 24);
        frame[1] = (byte) (length >>> 16);
        frame[2] = (byte) (length >>> 8);
        frame[3] = (byte) length;
        in.readFully(frame, 4, length);
        return frame;
    }

    private byte[] readFrameBody() throws IOException {
        int length = in.readInt();
        if (length > Handshake.MAX_HANDSHAKE_FRAME) {
            throw new IOException("hello of " + length + " bytes");
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return body;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
