package io.zgnode.runtime;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.osgi.service.feature.FeatureService;

import io.zgnode.feature.catalog.BundleFile;
import io.zgnode.feature.catalog.BundleRepository;
import io.zgnode.feature.catalog.CatalogException;
import io.zgnode.feature.catalog.FeatureCatalog;
import io.zgnode.feature.catalog.FeatureSpec;

/**
 * The distribution folder the launcher runs from: {@code features/} and {@code repository/} next
 * to {@code zgnode.jar}.
 */
public final class Distribution {

    /** System property naming the distribution folder, for running the launcher from elsewhere. */
    public static final String HOME_PROPERTY = "zgnode.home";

    private final Path home;
    private FeatureCatalog catalog;

    private Distribution(Path home) {
        this.home = home;
    }

    public static Distribution locate() {
        String configured = System.getProperty(HOME_PROPERTY);
        Path home;
        if (configured != null) {
            home = Path.of(configured);
        } else {
            try {
                home = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new UserError("cannot tell where the distribution is: " + e.getMessage());
            }
        }
        if (!Files.isDirectory(home.resolve("features")) || !Files.isDirectory(home.resolve("repository"))) {
            throw new UserError("no zgnode distribution at " + home + " (features/ and repository/ missing): build it with 'mvn package'");
        }
        return new Distribution(home.toAbsolutePath());
    }

    public Path home() {
        return home;
    }

    public synchronized FeatureCatalog catalog() {
        if (catalog == null) {
            FeatureService reader = ServiceLoader.load(FeatureService.class, Distribution.class.getClassLoader()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no OSGi FeatureService implementation on the launcher's classpath"));
            try {
                catalog = FeatureCatalog.read(home.resolve("features"), reader);
            } catch (CatalogException e) {
                throw new UserError(e.getMessage());
            }
        }
        return catalog;
    }

    /** The bundles the given features need, resolved in the repository, core first. */
    public List<BundleFile> bundlesFor(List<String> features) {
        try {
            List<FeatureSpec> closure = catalog().closure(features);
            BundleRepository repository = new BundleRepository(home.resolve("repository"));
            return FeatureCatalog.bundlesOf(closure).stream().map(repository::resolve).toList();
        } catch (CatalogException e) {
            throw new UserError(e.getMessage());
        }
    }
}
