package io.zgnode.rpc.metrics;

import java.lang.System.Logger.Level;
import java.util.Collection;

import io.zgnode.api.metrics.MetricSource;

/**
 * Renders {@code GET /metrics}: the server's own metrics and those of every MetricSource. A
 * source that throws (or writes something invalid) is left out of this page, with a warning.
 */
public final class MetricsPage {

    private static final System.Logger LOG = System.getLogger("io.zgnode.rpc");

    private MetricsPage() {
    }

    public static String render(RpcMetrics own, Collection<? extends MetricSource> sources) {
        PrometheusWriter page = new PrometheusWriter();
        own.collect(page);
        for (MetricSource source : sources) {
            // each source writes into its own buffer so a failure halfway leaves no partial output
            PrometheusWriter staged = new PrometheusWriter();
            try {
                source.collect(staged);
                page.addAll(staged);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "metric source " + source.getClass().getName() + " skipped: " + e);
            }
        }
        return page.render();
    }
}
