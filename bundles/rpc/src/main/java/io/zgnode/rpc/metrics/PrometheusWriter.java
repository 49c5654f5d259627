package io.zgnode.rpc.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.zgnode.api.metrics.MetricWriter;

/**
 * Collects samples and renders them in the Prometheus text format 0.0.4. Samples are grouped by
 * metric name, because the format wants one HELP and one TYPE line per name and all samples of
 * a name together, even when several sources write the same name.
 */
public final class PrometheusWriter implements MetricWriter {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private static final class Family {
        final String type;
        final String help;
        final StringBuilder samples = new StringBuilder();

        Family(String type, String help) {
            this.type = type;
            this.help = help;
        }
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    /** @throws IllegalArgumentException for an invalid name or labels, or a name used with two types */
    @Override
    public void counter(String name, String help, long value, String... labels) {
        sample(family(name, "counter", help), name, labels, Long.toString(value));
    }

    @Override
    public void gauge(String name, String help, double value, String... labels) {
        sample(family(name, "gauge", help), name, labels, format(value));
    }

    /** A summary without quantiles: {@code name_sum} and {@code name_count}. */
    public void summary(String name, String help, double sum, long count, String... labels) {
        Family family = family(name, "summary", help);
        sample(family, name + "_sum", labels, format(sum));
        sample(family, name + "_count", labels, Long.toString(count));
    }

    /**
     * Adds everything {@code other} collected.
     *
     * @throws IllegalArgumentException when a name already has another type here; nothing of
     *         {@code other} is added then
     */
    public void addAll(PrometheusWriter other) {
        for (Map.Entry<String, Family> e : other.families.entrySet()) {
            Family mine = families.get(e.getKey());
            if (mine != null && !mine.type.equals(e.getValue().type)) {
                throw new IllegalArgumentException(conflict(e.getKey(), mine.type, e.getValue().type));
            }
        }
        other.families.forEach((name, family) -> families.merge(name, family, (mine, theirs) -> {
            mine.samples.append(theirs.samples);
            return mine;
        }));
    }

    public String render() {
        StringBuilder out = new StringBuilder(4096);
        families.forEach((name, family) -> {
            if (family.help != null && !family.help.isEmpty()) {
                out.append("# HELP ").append(name).append(' ').append(escapeHelp(family.help)).append('\n');
            }
            out.append("# TYPE ").append(name).append(' ').append(family.type).append('\n');
            out.append(family.samples);
        });
        return out.toString();
    }

    private Family family(String name, String type, String help) {
        if (name == null || !METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid metric name: " + name);
        }
        Family family = families.computeIfAbsent(name, n -> new Family(type, help));
        if (!family.type.equals(type)) {
            throw new IllegalArgumentException(conflict(name, family.type, type));
        }
        return family;
    }

    private static String conflict(String name, String had, String got) {
        return "metric " + name + " is a " + had + " and cannot also be a " + got;
    }

    private static void sample(Family family, String name, String[] labels, String value) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels of " + name + " must be name, value pairs");
        }
        StringBuilder line = family.samples;
        line.append(name);
        if (labels.length > 0) {
            line.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (labels[i] == null || !LABEL_NAME.matcher(labels[i]).matches() || labels[i].startsWith("__")) {
                    throw new IllegalArgumentException("invalid label name of " + name + ": " + labels[i]);
                }
                if (i > 0) {
                    line.append(',');
                }
                line.append(labels[i]).append("=\"").append(escapeLabel(labels[i + 1])).append('"');
            }
            line.append('}');
        }
        line.append(' ').append(value).append('\n');
    }

    static String escapeLabel(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
