package io.zgnode.feature.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a node remembers of how it was started, so that {@code zgnode start --data DIR} restarts
 * it as it was: its features, its settings (configuration values by PID, from {@code --set},
 * {@code --rpc-port} and the like) and its genesis. How the process runs (heap, console) is not
 * part of it.
 *
 * @param features the features asked for, in order (core is implied)
 * @param settings configuration values by PID, then key; they override feature defaults
 * @param genesis the genesis file the node was started with, or {@code null}
 */
public record NodeOptions(List<String> features, Map<String, Map<String, String>> settings, String genesis) {

    public NodeOptions {
        features = features == null ? List.of() : List.copyOf(features);
        Map<String, Map<String, String>> copy = new TreeMap<>();
        if (settings != null) {
            settings.forEach((pid, values) -> copy.put(pid, new TreeMap<>(values)));
        }
        settings = copy;
    }

    public static NodeOptions empty() {
        return new NodeOptions(List.of(), Map.of(), null);
    }

    public NodeOptions withFeatures(List<String> newFeatures) {
        return new NodeOptions(newFeatures, settings, genesis);
    }

    public NodeOptions withGenesis(String newGenesis) {
        return new NodeOptions(features, settings, newGenesis);
    }

    /** These options with {@code key} of {@code pid} set to {@code value}. */
    public NodeOptions withSetting(String pid, String key, String value) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>(settings);
        Map<String, String> values = new TreeMap<>(copy.getOrDefault(pid, Map.of()));
        values.put(key, value);
        copy.put(pid, values);
        return new NodeOptions(features, copy, genesis);
    }

    /** These options with every setting of {@code other} laid over them. */
    public NodeOptions withSettings(Map<String, Map<String, String>> other) {
        NodeOptions result = this;
        for (Map.Entry<String, Map<String, String>> pid : other.entrySet()) {
            for (Map.Entry<String, String> value : pid.getValue().entrySet()) {
                result = result.withSetting(pid.getKey(), value.getKey(), value.getValue());
            }
        }
        return result;
    }

    public NodeOptions withFeature(String feature) {
        if (features.contains(feature)) {
            return this;
        }
        List<String> list = new ArrayList<>(features);
        list.add(feature);
        return withFeatures(list);
    }

    public NodeOptions withoutFeature(String feature) {
        List<String> list = new ArrayList<>(features);
        list.remove(feature);
        return withFeatures(list);
    }
}
