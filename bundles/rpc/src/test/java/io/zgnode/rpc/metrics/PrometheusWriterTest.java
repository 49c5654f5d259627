package io.zgnode.rpc.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.zgnode.api.metrics.MetricSource;
import io.zgnode.rpc.testing.LogCapture;

class PrometheusWriterTest {

    @Test
    void helpAndTypeOncePerNameWithSamplesTogether() {
        PrometheusWriter a = new PrometheusWriter();
        a.counter("zgnode_x_total", "X things.", 1, "k", "a");
        a.gauge("zgnode_y", "Y.", 2.5);
        a.counter("zgnode_x_total", "X things.", 2, "k", "b");
        PrometheusWriter b = new PrometheusWriter();
        b.counter("zgnode_x_total", "X things.", 3, "k", "c");
        a.addAll(b);
        assertThat(a.render()).isEqualTo("""
                # HELP zgnode_x_total X things.
                # TYPE zgnode_x_total counter
                zgnode_x_total{k="a"} 1
                zgnode_x_total{k="b"} 2
                zgnode_x_total{k="c"} 3
                # HELP zgnode_y Y.
                # TYPE zgnode_y gauge
                zgnode_y 2.5
                """);
    }

    @Test
    void escapesLabelValuesAndHelp() {
        PrometheusWriter w = new PrometheusWriter();
        w.gauge("zgnode_z", "line1\nback\\slash", 1, "path", "C:\\dir", "quote", "say \"hi\"", "nl", "a\nb");
        assertThat(w.render()).contains("# HELP zgnode_z line1\\nback\\\\slash\n")
                .contains("zgnode_z{path=\"C:\\\\dir\",quote=\"say \\\"hi\\\"\",nl=\"a\\nb\"} 1\n");
    }

    @Test
    void formatsSpecialValues() {
        PrometheusWriter w = new PrometheusWriter();
        w.gauge("zgnode_nan", "", Double.NaN);
        w.gauge("zgnode_inf", "", Double.POSITIVE_INFINITY);
        w.gauge("zgnode_big", "", 1e20);
        w.summary("zgnode_s", "S.", 0.25, 4, "method", "m");
        assertThat(w.render()).contains("zgnode_nan NaN\n", "zgnode_inf +Inf\n", "zgnode_big 1.0E20\n",
                "# TYPE zgnode_s summary\n", "zgnode_s_sum{method=\"m\"} 0.25\n", "zgnode_s_count{method=\"m\"} 4\n")
                .doesNotContain("# HELP zgnode_nan");
    }

    @Test
    void refusesInvalidNamesLabelsAndTypeChanges() {
        PrometheusWriter w = new PrometheusWriter();
        assertThatThrownBy(() -> w.gauge("9bad", "", 1)).hasMessageContaining("invalid metric name");
        assertThatThrownBy(() -> w.gauge("zgnode_a", "", 1, "odd")).hasMessageContaining("pairs");
        assertThatThrownBy(() -> w.gauge("zgnode_a", "", 1, "bad-label", "v")).hasMessageContaining("label name");
        w.counter("zgnode_c", "", 1);
        assertThatThrownBy(() -> w.gauge("zgnode_c", "", 1)).hasMessageContaining("is a counter");
        PrometheusWriter other = new PrometheusWriter();
        other.gauge("zgnode_c", "", 1);
        assertThatThrownBy(() -> w.addAll(other)).hasMessageContaining("is a counter");
    }

    @Test
    void failingSourceIsSkippedAndThePageStillServed() {
        MetricSource good = out -> out.gauge("zgnode_good", "Good.", 1);
        MetricSource bad = out -> {
            out.gauge("zgnode_partial", "Written before failing.", 1);
            throw new IllegalStateException("broken source");
        };
        MetricSource clash = out -> out.gauge("zgnode_rpc_requests_total", "Wrong type.", 1);
        try (LogCapture log = new LogCapture()) {
            RpcMetrics own = new RpcMetrics(() -> 3);
            own.request("test_echo", 1000);
            String page = MetricsPage.render(own, List.of(bad, good, clash));
            assertThat(page).contains("zgnode_good 1\n", "zgnode_rpc_connections 3\n",
                    "zgnode_rpc_requests_total{method=\"test_echo\"} 1\n")
                    .doesNotContain("zgnode_partial").doesNotContain("Wrong type");
            assertThat(log.messages()).filteredOn(m -> m.contains("skipped")).hasSize(2);
        }
    }
}
