package io.zgnode.rpc.metrics;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

import io.zgnode.api.metrics.MetricSource;
import io.zgnode.api.metrics.MetricWriter;

/**
 * The server's own counters. Calls for methods that are not served are counted under
 * {@code method="unknown"} and malformed requests under {@code method="invalid"}, so a client
 * sending random names cannot grow the label set without bound.
 */
public final class RpcMetrics implements MetricSource {

    public static final String UNKNOWN = "unknown";
    public static final String INVALID = "invalid";

    private record ErrorKey(String method, int code) {
    }

    private static final Comparator<ErrorKey> ERROR_ORDER =
            Comparator.comparing(ErrorKey::method).thenComparingInt(ErrorKey::code);

    private static final class Timing {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }

    private final Map<String, Timing> requests = new ConcurrentHashMap<>();
    private final Map<ErrorKey, LongAdder> errors = new ConcurrentHashMap<>();
    private final IntSupplier connections;

    public RpcMetrics(IntSupplier connections) {
        this.connections = connections;
    }

    /** One request handled (successfully or not), taking {@code nanos} in the method. */
    public void request(String method, long nanos) {
        Timing t = requests.computeIfAbsent(method, m -> new Timing());
        t.count.increment();
        t.nanos.add(nanos);
    }

    public void error(String method, int code) {
        errors.computeIfAbsent(new ErrorKey(method, code), k -> new LongAdder()).increment();
    }

    public long requestsTotal() {
        return requests.values().stream().mapToLong(t -> t.count.sum()).sum();
    }

    public long errorsTotal() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public int connections() {
        return connections.getAsInt();
    }

    @Override
    public void collect(MetricWriter out) {
        out.gauge("zgnode_rpc_connections", "Open JSON-RPC connections (HTTP and WebSocket).", connections());
        Map<String, Timing> sorted = new TreeMap<>(requests);
        sorted.forEach((method, t) -> out.counter("zgnode_rpc_requests_total",
                "JSON-RPC requests handled, by method.", t.count.sum(), "method", method));
        errors.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(ERROR_ORDER))
                .forEach(e -> out.counter("zgnode_rpc_errors_total", "JSON-RPC error responses, by method and code.",
                        e.getValue().sum(), "method", e.getKey().method(), "code", Integer.toString(e.getKey().code())));
        if (out instanceof PrometheusWriter prometheus) {
            sorted.forEach((method, t) -> prometheus.summary("zgnode_rpc_request_seconds",
                    "Time spent in JSON-RPC methods, by method.", t.nanos.sum() / 1e9, t.count.sum(),
                    "method", method));
        }
    }
}
