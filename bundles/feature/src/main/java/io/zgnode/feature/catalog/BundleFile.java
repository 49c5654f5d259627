package io.zgnode.feature.catalog;

import java.nio.file.Path;

import org.osgi.framework.Version;

/** A bundle jar of the repository with the identity its manifest declares. */
public record BundleFile(BundleRef ref, Path path, String symbolicName, Version version, boolean fragment) {

    public String location() {
        return ref.location();
    }
}
