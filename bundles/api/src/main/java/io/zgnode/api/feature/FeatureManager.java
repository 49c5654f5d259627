package io.zgnode.api.feature;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Installs and uninstalls features live; the set installed survives restarts. */
@ProviderType
public interface FeatureManager {

    /** Every feature the distribution offers, by name. */
    List<FeatureDescription> available();

    /** The names of the installed features, in the order they were installed. */
    List<String> installed();

    /**
     * Installs and starts the bundles of {@code name} that are not running yet and applies its
     * default configuration. Installing an installed feature changes nothing.
     */
    FeatureDescription install(String name) throws FeatureException;

    /**
     * Uninstalls the bundles of {@code name} that no other installed feature needs. The
     * {@code core} feature cannot be uninstalled.
     */
    void uninstall(String name) throws FeatureException;
}
