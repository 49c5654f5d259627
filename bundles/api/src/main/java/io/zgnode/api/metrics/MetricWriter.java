package io.zgnode.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives metric samples. Names follow Prometheus rules ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}),
 * prefixed {@code zgnode_}; labels are given as name, value pairs.
 */
@ProviderType
public interface MetricWriter {

    /** A value that only grows (requests served, bytes written). */
    void counter(String name, String help, long value, String... labels);

    /** A value that goes up and down (connections, heights, sizes). */
    void gauge(String name, String help, double value, String... labels);
}
