package io.zgnode.consensus.bft;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zgnode.api.net.InvalidRequestException;
import io.zgnode.api.net.MessageHandler;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.PeerInfo;
import io.zgnode.api.net.PeerNetwork;
import io.zgnode.api.net.RequestHandler;

/**
 * An in-memory peer network: every peer reaches every other directly, each peer handles its
 * deliveries on one thread of its own, a message is handled once per peer (as the real network
 * promises), and a peer can be cut off (it then neither sends nor receives, but what it tries to
 * send is recorded).
 */
final class FakeNetwork implements AutoCloseable {

    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final Random random = new Random(1);

    Peer join() {
        byte[] id = new byte[32];
        synchronized (random) {
            random.nextBytes(id);
        }
        Peer peer = new Peer(PeerId.of(id));
        peers.add(peer);
        return peer;
    }

    @Override
    public void close() {
        for (Peer peer : peers) {
            peer.inbox.shutdownNow();
            peer.server.shutdownNow();
        }
    }

    final class Peer implements PeerNetwork {

        final PeerId id;
        final Map<String, MessageHandler> handlers = new ConcurrentHashMap<>();
        final Map<String, RequestHandler> servers = new ConcurrentHashMap<>();
        /** Everything this peer broadcast, connected or not, in order. */
        final List<byte[]> sent = Collections.synchronizedList(new ArrayList<>());
        final List<String> bans = new CopyOnWriteArrayList<>();
        final Set<String> delivered = ConcurrentHashMap.newKeySet();
        final ExecutorService inbox = Executors.newSingleThreadExecutor(r -> daemon(r, "fake-net-inbox"));
        final ExecutorService server = Executors.newFixedThreadPool(2, r -> daemon(r, "fake-net-server"));
        volatile boolean connected = true;

        Peer(PeerId id) {
            this.id = id;
        }

        @Override
        public PeerId self() {
            return id;
        }

        @Override
        public List<PeerInfo> peers() {
            if (!connected) {
                return List.of();
            }
            List<PeerInfo> found = new ArrayList<>();
            for (Peer peer : FakeNetwork.this.peers) {
                if (peer != this && peer.connected) {
                    found.add(new PeerInfo(peer.id, "memory", true, "memory", Instant.EPOCH, 0, 0, 0));
                }
            }
            return found;
        }

        @Override
        public int maxMessageBytes() {
            return 8 << 20;
        }

        @Override
        public void broadcast(String topic, byte[] message) {
            sent.add(message.clone());
            if (!connected) {
                return;
            }
            for (Peer peer : FakeNetwork.this.peers) {
                if (peer != this) {
                    peer.deliver(id, topic, message.clone());
                }
            }
        }

        @Override
        public void send(PeerId to, String topic, byte[] message) {
            if (!connected) {
                return;
            }
            for (Peer peer : FakeNetwork.this.peers) {
                if (peer.id.equals(to)) {
                    peer.deliver(id, topic, message.clone());
                }
            }
        }

        private void deliver(PeerId from, String topic, byte[] message) {
            if (!connected || !delivered.add(topic + digest(message))) {
                return;
            }
            try {
                inbox.execute(() -> {
                    MessageHandler handler = handlers.get(topic);
                    if (handler != null && connected) {
                        handler.handle(from, message);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed
            }
        }

        @Override
        public CompletableFuture<byte[]> request(PeerId to, String protocol, byte[] request, Duration timeout) {
            for (Peer peer : FakeNetwork.this.peers) {
                if (peer.id.equals(to) && peer.connected && connected) {
                    RequestHandler handler = peer.servers.get(protocol);
                    if (handler == null) {
                        break;
                    }
                    return CompletableFuture.supplyAsync(() -> {
                        try {
                            return handler.handle(id, request);
                        } catch (InvalidRequestException e) {
                            throw new IllegalStateException(e.getMessage());
                        }
                    }, peer.server).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to " + to.shortForm()));
        }

        @Override
        public void ban(PeerId peer, Duration duration, String reason) {
            bans.add(peer.shortForm() + ": " + reason);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static String digest(byte[] message) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(message));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
