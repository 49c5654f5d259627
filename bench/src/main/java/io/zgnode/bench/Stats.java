package io.zgnode.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics of a sample, printed the same way by every benchmark. */
final class Stats {

    private final List<Double> sorted;

    Stats(List<? extends Number> sample) {
        List<Double> values = new ArrayList<>();
        sample.forEach(value -> values.add(value.doubleValue()));
        Collections.sort(values);
        this.sorted = values;
    }

    double percentile(double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    int count() {
        return sorted.size();
    }

    double median() {
        return percentile(50);
    }

    double min() {
        return sorted.isEmpty() ? Double.NaN : sorted.get(0);
    }

    double max() {
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
    }

    String summary(String unit) {
        return String.format("median %.1f %s (min %.1f, max %.1f, n=%d)", median(), unit, min(), max(), sorted.size());
    }
}
