package io.zgnode.net;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.zgnode.api.chain.Chain;
import io.zgnode.api.net.MessageHandler;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.RequestHandler;
import io.zgnode.net.internal.HostPort;
import io.zgnode.net.internal.Network;
import io.zgnode.net.testing.FakeChain;

/**
 * Nodes in one JVM on loopback, driven the way SCR would drive the component: a hand-made
 * configuration, a fake bundle context, handlers bound by hand. Stops every node it started.
 */
final class TestNet implements AutoCloseable {

    final Path dir;
    final List<PeerNetworkImpl> running = new ArrayList<>();
    final List<Object> registered = new ArrayList<>();

    TestNet() throws IOException {
        dir = Files.createTempDirectory("zgnode-net-test");
    }

    /** Test defaults: ephemeral port, fast redials and pings, no discovery, few threads. */
    static Map<String, Object> defaults() {
        Map<String, Object> values = new HashMap<>();
        values.put("port", 0);
        values.put("dialBackoffMinMillis", 100L);
        values.put("dialBackoffMaxMillis", 1000L);
        values.put("handshakeTimeoutMillis", 2000L);
        values.put("pingIntervalMillis", 500L);
        values.put("discovery", false);
        values.put("ioThreads", 1);
        values.put("workerThreads", 2);
        return values;
    }

    static NetConfig config(Map<String, Object> values) {
        return (NetConfig) Proxy.newProxyInstance(NetConfig.class.getClassLoader(), new Class<?>[] {NetConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return NetConfig.class;
                    }
                    return values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> "zgnode.data".equals(args[0]) ? dir.toString() : null;
                    case "registerService" -> {
                        registered.add(args[1]);
                        yield Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("unregister")) {
                                        registered.remove(args[1]);
                                    }
                                    return null;
                                });
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A node named {@code name} (its key file is DIR/name.json) with the test defaults overridden by {@code config}. */
    PeerNetworkImpl start(String name, Map<String, Object> config) throws Exception {
        return start(name, config, FakeChain.dev());
    }

    PeerNetworkImpl start(String name, Map<String, Object> config, Chain chain) throws Exception {
        Map<String, Object> values = defaults();
        values.put("keyFile", name + ".json");
        values.putAll(config);
        PeerNetworkImpl node = new PeerNetworkImpl(chain);
        node.activate(config(values), context());
        running.add(node);
        return node;
    }

    PeerNetworkImpl start(String name) throws Exception {
        return start(name, Map.of());
    }

    /** Starts a node that dials {@code others}. */
    PeerNetworkImpl startDialing(String name, PeerNetworkImpl... others) throws Exception {
        List<String> boots = new ArrayList<>();
        for (PeerNetworkImpl other : others) {
            boots.add(address(other));
        }
        return start(name, Map.of("bootnodes", boots.toArray(new String[0])));
    }

    void stop(PeerNetworkImpl node) {
        if (running.remove(node)) {
            node.deactivate();
        }
    }

    @Override
    public void close() {
        for (PeerNetworkImpl node : List.copyOf(running)) {
            stop(node);
        }
    }

    static String address(PeerNetworkImpl node) {
        return node.network().bound().toString();
    }

    static int port(PeerNetworkImpl node) {
        return node.network().bound().port();
    }

    static Network net(PeerNetworkImpl node) {
        return node.network();
    }

    static HostPort hostPort(PeerNetworkImpl node) {
        return node.network().bound();
    }

    static boolean linked(PeerNetworkImpl a, PeerNetworkImpl b) {
        return a.peers().stream().anyMatch(p -> p.id().equals(b.self())) && b.peers().stream().anyMatch(p -> p.id().equals(a.self()));
    }

    static void handle(PeerNetworkImpl node, String topic, MessageHandler handler) {
        node.addMessageHandler(handler, Map.of(MessageHandler.TOPIC, topic));
    }

    static void serve(PeerNetworkImpl node, String protocol, RequestHandler handler) {
        node.addRequestHandler(handler, Map.of(RequestHandler.PROTOCOL, protocol));
    }

    static int penalty(PeerNetworkImpl node, PeerId peer) {
        return node.network().penalty(peer);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, Duration.ofSeconds(10), condition);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
