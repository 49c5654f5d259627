package io.zgnode.rpc.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's settings, validated. {@code workerThreads} 0 means two per core; every value is
 * bounded so a typo in the configuration cannot start thousands of threads.
 */
public record ServerSettings(String host, int port, int maxRequestBytes, int maxBatchSize, int maxConnections,
        List<String> corsOrigins, int workerThreads, long updateGraceMillis) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8545;
    /** A maximal DA blob (about 32 MiB) in base64 with its JSON envelope fits. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 64 * 1024 * 1024;
    public static final int DEFAULT_MAX_BATCH_SIZE = 1000;
    public static final int DEFAULT_MAX_CONNECTIONS = 512;
    public static final long DEFAULT_UPDATE_GRACE_MILLIS = 2000;
    public static final int MAX_WORKER_THREADS = 256;

    public ServerSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("invalid rpc configuration: host is empty");
        }
        host = host.trim();
        check(port >= 0 && port <= 65535, "port " + port + " is not in 0..65535");
        check(maxRequestBytes >= 1024, "maxRequestBytes " + maxRequestBytes + " is below 1024");
        check(maxBatchSize >= 1, "maxBatchSize " + maxBatchSize + " is below 1");
        check(maxConnections >= 1, "maxConnections " + maxConnections + " is below 1");
        check(updateGraceMillis >= 0, "updateGraceMillis " + updateGraceMillis + " is negative");
        check(workerThreads >= 0, "workerThreads " + workerThreads + " is negative");
        if (workerThreads == 0) {
            workerThreads = 2 * Runtime.getRuntime().availableProcessors();
        }
        workerThreads = Math.min(workerThreads, MAX_WORKER_THREADS);
        corsOrigins = normalize(corsOrigins);
    }

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_BATCH_SIZE,
                DEFAULT_MAX_CONNECTIONS, List.of(), 0, DEFAULT_UPDATE_GRACE_MILLIS);
    }

    public ServerSettings withPort(int value) {
        return new ServerSettings(host, value, maxRequestBytes, maxBatchSize, maxConnections, corsOrigins,
                workerThreads, updateGraceMillis);
    }

    public ServerSettings withMaxRequestBytes(int value) {
        return new ServerSettings(host, port, value, maxBatchSize, maxConnections, corsOrigins,
                workerThreads, updateGraceMillis);
    }

    public ServerSettings withMaxBatchSize(int value) {
        return new ServerSettings(host, port, maxRequestBytes, value, maxConnections, corsOrigins,
                workerThreads, updateGraceMillis);
    }

    public ServerSettings withMaxConnections(int value) {
        return new ServerSettings(host, port, maxRequestBytes, maxBatchSize, value, corsOrigins,
                workerThreads, updateGraceMillis);
    }

    public ServerSettings withCorsOrigins(List<String> value) {
        return new ServerSettings(host, port, maxRequestBytes, maxBatchSize, maxConnections, value,
                workerThreads, updateGraceMillis);
    }

    public ServerSettings withUpdateGraceMillis(long value) {
        return new ServerSettings(host, port, maxRequestBytes, maxBatchSize, maxConnections, corsOrigins,
                workerThreads, value);
    }

    /** "host:port" as configured, for messages. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("invalid rpc configuration: " + problem);
        }
    }

    /** ConfigAdmin may hand over one comma-separated string as well as a list. */
    private static List<String> normalize(List<String> origins) {
        List<String> out = new ArrayList<>();
        if (origins != null) {
            for (String entry : origins) {
                if (entry == null) {
                    continue;
                }
                for (String origin : entry.split("[,\\s]+")) {
                    if (!origin.isEmpty()) {
                        out.add(origin);
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
