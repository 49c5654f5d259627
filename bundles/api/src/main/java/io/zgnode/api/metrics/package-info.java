/**
 * Metrics that the node exposes in the Prometheus text format at {@code GET /metrics}.
 * A module registers a {@link io.zgnode.api.metrics.MetricSource} service and writes its current
 * values each time the metrics are read.
 */
@Version("1.0.0")
@Export
package io.zgnode.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
