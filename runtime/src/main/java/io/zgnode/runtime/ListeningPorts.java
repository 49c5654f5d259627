package io.zgnode.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import io.zgnode.feature.catalog.FeatureSpec;

/**
 * Checks, before the framework starts, that the ports the node will listen on are free, so that
 * a port in use is one clear line and a non-zero exit rather than a component failing later.
 */
final class ListeningPorts {

    static final String RPC_PID = "io.zgnode.rpc";
    static final String P2P_PID = "io.zgnode.net";

    private record Listener(String pid, String option) {
    }

    private static final List<Listener> LISTENERS = List.of(new Listener(RPC_PID, "--rpc-port"), new Listener(P2P_PID, "--p2p-port"));

    private ListeningPorts() {
    }

    static void checkFree(List<FeatureSpec> features, Map<String, Map<String, String>> settings) {
        for (Listener listener : LISTENERS) {
            Object defaultPort = null;
            Object defaultHost = null;
            for (FeatureSpec feature : features) {
                Map<String, Object> config = feature.configurations().get(listener.pid());
                if (config != null) {
                    defaultPort = config.getOrDefault("port", defaultPort);
                    defaultHost = config.getOrDefault("host", defaultHost);
                }
            }
            if (defaultPort == null) {
                continue; // no feature runs this listener
            }
            Map<String, String> given = settings.getOrDefault(listener.pid(), Map.of());
            String host = given.getOrDefault("host", String.valueOf(defaultHost == null ? "127.0.0.1" : defaultHost));
            String portText = given.getOrDefault("port", String.valueOf(defaultPort));
            int port;
            try {
                port = Integer.parseInt(portText.trim());
            } catch (NumberFormatException e) {
                throw new UserError(listener.pid() + ".port '" + portText + "' is not a number");
            }
            if (port != 0) {
                checkFree(host, port, listener.option());
            }
        }
    }

    private static void checkFree(String host, int port, String option) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new UserError("port " + port + " on " + host + " is in use or not available (" + e.getMessage() + "): choose another with " + option);
        }
    }
}
