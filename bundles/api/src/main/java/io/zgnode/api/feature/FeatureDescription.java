package io.zgnode.api.feature;

import java.util.List;

/**
 * A feature known to the node.
 *
 * @param name the short name, e.g. {@code core}
 * @param title one line saying what the feature makes of the node
 * @param bundles the bundles it lists, as {@code groupId:artifactId:version}
 * @param installed whether the node runs it now
 */
public record FeatureDescription(String name, String title, List<String> bundles, boolean installed) {

    public FeatureDescription {
        bundles = List.copyOf(bundles);
    }
}
