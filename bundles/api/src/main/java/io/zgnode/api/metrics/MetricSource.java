package io.zgnode.api.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/** A service that contributes metrics; called on every read of the metrics page. */
@ConsumerType
public interface MetricSource {

    void collect(MetricWriter out);
}
