package io.zgnode.net.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a node; on request it flips one bit in the next chunk (of at least
 * {@code minChunk} bytes) that it forwards from the dialer to the node, as a man in the middle would.
 */
public final class TamperingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicBoolean flip = new AtomicBoolean();
    private final AtomicInteger flipped = new AtomicInteger();
    private final int minChunk;
    private final Thread acceptor;

    public TamperingProxy(int targetPort, int minChunk) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = targetPort;
        this.minChunk = minChunk;
        this.acceptor = new Thread(this::accept, "tampering-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Flip a bit in the next large enough chunk from dialer to node. */
    public void flipNext() {
        flip.set(true);
    }

    public int flipped() {
        return flipped.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean tamper) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (tamper && n >= minChunk && flip.compareAndSet(true, false)) {
                        buffer[n - 1] ^= 0x01;
                        flipped.incrementAndGet();
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // closed
            } finally {
                close(from);
                close(to);
            }
        }, "tampering-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(TamperingProxy::close);
    }
}
