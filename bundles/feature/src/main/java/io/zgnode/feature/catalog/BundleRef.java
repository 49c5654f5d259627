package io.zgnode.feature.catalog;

/**
 * A bundle a feature names, by Maven coordinates, with the start level it starts at (the
 * {@code start-order} metadata of the feature's bundle entry, 1 when absent).
 */
public record BundleRef(String groupId, String artifactId, String version, String type, String classifier, int startOrder) {

    /** Bundles without a start order start at this level, before anything that declares a later one. */
    public static final int DEFAULT_START_ORDER = 1;

    /** Where the bundle is found in a Maven-layout repository, relative to its root. */
    public String repositoryPath() {
        String file = artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "."
                + (type == null ? "jar" : type);
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + file;
    }

    /**
     * The location the bundle is installed under. It leaves out the version, so that a newer
     * build of the same bundle updates it in place rather than installing a second copy.
     */
    public String location() {
        return BundleRepository.LOCATION_PREFIX + groupId + ":" + artifactId;
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
