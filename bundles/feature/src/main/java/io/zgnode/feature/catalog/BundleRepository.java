package io.zgnode.feature.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/** The distribution's bundle repository: jars in Maven layout under one folder. */
public final class BundleRepository {

    /** Every bundle installed from a feature has a location starting with this. */
    public static final String LOCATION_PREFIX = "zgnode:";

    private final Path root;

    public BundleRepository(Path root) {
        this.root = root;
    }

    /** The jar for {@code ref} with its identity read from its manifest. */
    public BundleFile resolve(BundleRef ref) {
        Path jar = root.resolve(ref.repositoryPath());
        if (!Files.isRegularFile(jar)) {
            throw new CatalogException("bundle " + ref + " is not in the repository " + root + " (expected " + jar + ")");
        }
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String symbolicName = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (symbolicName == null) {
                throw new CatalogException("bundle " + ref + " (" + jar + ") has no Bundle-SymbolicName: it is not an OSGi bundle");
            }
            symbolicName = symbolicName.split(";", 2)[0].trim();
            Version version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
            boolean fragment = main.getValue(Constants.FRAGMENT_HOST) != null;
            return new BundleFile(ref, jar, symbolicName, version, fragment);
        } catch (IOException | IllegalArgumentException e) {
            throw new CatalogException("cannot read bundle " + ref + " at " + jar + ": " + e.getMessage(), e);
        }
    }
}
