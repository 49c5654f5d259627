package io.zgnode.node.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.metrics.MetricSource;
import io.zgnode.api.metrics.MetricWriter;
import io.zgnode.api.node.NodeInfo;

/** Uptime, bundle states and heap use on the metrics page. */
@Component(service = MetricSource.class)
public class NodeMetrics implements MetricSource {

    private final BundleContext context;
    private final NodeInfo node;

    @Activate
    public NodeMetrics(BundleContext context, @Reference NodeInfo node) {
        this.context = context;
        this.node = node;
    }

    @Override
    public void collect(MetricWriter out) {
        out.gauge("zgnode_uptime_seconds", "Seconds since the node started", node.uptime().toMillis() / 1000.0);
        BundleStates states = BundleStates.of(context);
        states.counts().forEach((state, count) -> out.gauge("zgnode_bundles", "Bundles by state (fragments apart)", count, "state", state));
        out.gauge("zgnode_bundles", "Bundles by state (fragments apart)", states.fragments(), "state", "fragment");
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.gauge("zgnode_heap_used_bytes", "JVM heap in use", heap.getUsed());
        out.gauge("zgnode_heap_max_bytes", "JVM heap limit", heap.getMax());
    }
}
