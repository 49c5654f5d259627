package io.zgnode.feature.catalog;

import java.util.List;
import java.util.Map;

/**
 * One feature as read from {@code features/NAME.json}.
 *
 * @param name the file's base name, which is how operators name the feature
 * @param title one line for listings (the feature's {@code name}, else its description)
 * @param bundles Maven coordinates of the bundles, in the order listed
 * @param configurations default configuration by PID
 * @param requires names of the features this one needs installed first (the
 *        {@code zgnode-requires} text extension); {@code core} is always implied
 * @param categories the feature's categories; {@value #DEVNET_CATEGORY} marks the node roles a
 *        devnet runs by default
 */
public record FeatureSpec(String name, String title, List<BundleRef> bundles,
        Map<String, Map<String, Object>> configurations, List<String> requires, List<String> categories) {

    /** Category of the features every devnet node runs unless told otherwise. */
    public static final String DEVNET_CATEGORY = "devnet";

    public FeatureSpec {
        bundles = List.copyOf(bundles);
        configurations = Map.copyOf(configurations);
        requires = List.copyOf(requires);
        categories = List.copyOf(categories);
    }
}
