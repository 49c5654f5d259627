package io.zgnode.feature.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import io.zgnode.feature.catalog.FeatureSpec;
import io.zgnode.feature.options.TypedValues;

/**
 * Puts feature defaults and node settings into ConfigAdmin.
 * <p>
 * Defaults only fill keys that are absent, so a value an operator changed live (cm:put) stays;
 * settings from the command line always win, since the operator gave them for this node. A
 * configuration is written only when its values change, so a restart does not make every
 * component reconfigure.
 */
final class ConfigurationApplier {

    /** Any bundle may use these configurations (not bound to the feature manager). */
    private static final String ANY_LOCATION = "?";
    private static final Set<String> FRAMEWORK_KEYS = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private final ConfigurationAdmin configurationAdmin;

    ConfigurationApplier(ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    void apply(List<FeatureSpec> features, Map<String, Map<String, String>> settings) throws IOException {
        Map<String, Map<String, Object>> defaults = new LinkedHashMap<>();
        for (FeatureSpec feature : features) {
            feature.configurations().forEach((pid, values) -> defaults.computeIfAbsent(pid, p -> new LinkedHashMap<>()).putAll(values));
        }
        for (String pid : settings.keySet()) {
            defaults.computeIfAbsent(pid, p -> new LinkedHashMap<>());
        }
        for (Map.Entry<String, Map<String, Object>> entry : defaults.entrySet()) {
            String pid = entry.getKey();
            apply(pid, entry.getValue(), settings.getOrDefault(pid, Map.of()));
        }
    }

    private void apply(String pid, Map<String, Object> defaults, Map<String, String> settings) throws IOException {
        Configuration configuration = configuration(pid);
        Dictionary<String, Object> current = configuration.getProperties();
        Hashtable<String, Object> next = new Hashtable<>();
        if (current != null) {
            for (String key : Collections.list(current.keys())) {
                if (!FRAMEWORK_KEYS.contains(key)) {
                    next.put(key, current.get(key));
                }
            }
        }
        defaults.forEach(next::putIfAbsent);
        settings.forEach((key, value) -> next.put(key, TypedValues.like(defaults.containsKey(key) ? defaults.get(key) : next.get(key), value)));
        if (current == null || !sameValues(current, next)) {
            configuration.update(next);
        }
    }

    private Configuration configuration(String pid) throws IOException {
        int tilde = pid.indexOf('~');
        if (tilde > 0) {
            return configurationAdmin.getFactoryConfiguration(pid.substring(0, tilde), pid.substring(tilde + 1), ANY_LOCATION);
        }
        return configurationAdmin.getConfiguration(pid, ANY_LOCATION);
    }

    private static boolean sameValues(Dictionary<String, Object> current, Map<String, Object> next) {
        int count = 0;
        for (String key : Collections.list(current.keys())) {
            if (FRAMEWORK_KEYS.contains(key)) {
                continue;
            }
            count++;
            if (!Objects.deepEquals(current.get(key), next.get(key)) && !sameArray(current.get(key), next.get(key))) {
                return false;
            }
        }
        return count == next.size();
    }

    private static boolean sameArray(Object a, Object b) {
        return a instanceof Object[] x && b instanceof Object[] y && Arrays.deepEquals(x, y);
    }
}
