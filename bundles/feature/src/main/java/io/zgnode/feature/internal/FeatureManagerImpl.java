package io.zgnode.feature.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.feature.FeatureService;

import io.zgnode.api.feature.FeatureDescription;
import io.zgnode.api.feature.FeatureException;
import io.zgnode.api.feature.FeatureManager;
import io.zgnode.feature.catalog.BundleFile;
import io.zgnode.feature.catalog.BundleRepository;
import io.zgnode.feature.catalog.CatalogException;
import io.zgnode.feature.catalog.FeatureCatalog;
import io.zgnode.feature.catalog.FeatureSpec;
import io.zgnode.feature.install.BundleReconciler;
import io.zgnode.feature.options.NodeOptions;
import io.zgnode.feature.options.NodeOptionsFile;

/**
 * Installs and uninstalls features live. The set of features is kept in the node's
 * {@code node.json} (the launcher reads it at the next start), the bundles in the framework's
 * cache, the configuration in ConfigAdmin; this component keeps no state of its own.
 * <p>
 * Operations are serialized: one install or uninstall at a time.
 */
@Component(service = FeatureManager.class, immediate = true)
public class FeatureManagerImpl implements FeatureManager {

    /** Framework property: the distribution folder (features/, repository/). */
    public static final String HOME_PROPERTY = "zgnode.home";
    /** Framework property: the node's data directory. */
    public static final String DATA_PROPERTY = "zgnode.data";

    private final FeatureCatalog catalog;
    private final BundleRepository repository;
    private final NodeOptionsFile optionsFile;
    private final BundleReconciler reconciler;
    private final ConfigurationApplier configurations;

    @Activate
    public FeatureManagerImpl(BundleContext context, @Reference FeatureService featureService,
            @Reference ConfigurationAdmin configurationAdmin) throws IOException {
        Path home = Path.of(requiredProperty(context, HOME_PROPERTY));
        this.catalog = FeatureCatalog.read(home.resolve("features"), featureService);
        this.repository = new BundleRepository(home.resolve("repository"));
        this.optionsFile = new NodeOptionsFile(Path.of(requiredProperty(context, DATA_PROPERTY)));
        this.reconciler = new BundleReconciler(context);
        this.configurations = new ConfigurationApplier(configurationAdmin);
        NodeOptions options = optionsFile.read();
        configurations.apply(catalog.closure(options.features()), options.settings());
    }

    private static String requiredProperty(BundleContext context, String name) {
        String value = context.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("framework property " + name + " is not set: features are managed only in a node started by the zgnode launcher");
        }
        return value;
    }

    @Override
    public synchronized List<FeatureDescription> available() {
        List<String> installed = installed();
        return catalog.all().stream().map(spec -> describe(spec, installed.contains(spec.name()))).toList();
    }

    @Override
    public synchronized List<String> installed() {
        try {
            return catalog.closure(optionsFile.read().features()).stream().map(FeatureSpec::name).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public synchronized FeatureDescription install(String name) throws FeatureException {
        try {
            FeatureSpec spec = catalog.get(name);
            NodeOptions options = optionsFile.read();
            if (catalog.closure(options.features()).contains(spec)) {
                return describe(spec, true);
            }
            NodeOptions next = options.withFeature(name);
            List<FeatureSpec> features = catalog.closure(next.features());
            configurations.apply(features, next.settings());
            BundleReconciler.Outcome outcome = reconciler.reconcile(files(features), false);
            optionsFile.write(next);
            if (!outcome.failedToStart().isEmpty()) {
                throw new FeatureException("feature " + name + " is installed, but bundles failed to start: " + String.join("; ", outcome.failedToStart()));
            }
            return describe(spec, true);
        } catch (CatalogException | IllegalArgumentException e) {
            throw new FeatureException(e.getMessage(), e);
        } catch (IOException | BundleException e) {
            throw new FeatureException("cannot install feature " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void uninstall(String name) throws FeatureException {
        if (FeatureCatalog.CORE.equals(name)) {
            throw new FeatureException("the core feature cannot be uninstalled");
        }
        try {
            catalog.get(name);
            NodeOptions options = optionsFile.read();
            List<String> installed = catalog.closure(options.features()).stream().map(FeatureSpec::name).toList();
            if (!installed.contains(name)) {
                throw new FeatureException("feature " + name + " is not installed");
            }
            NodeOptions next = options.withoutFeature(name);
            List<FeatureSpec> remaining = catalog.closure(next.features());
            if (remaining.stream().anyMatch(spec -> spec.name().equals(name))) {
                String requirers = remaining.stream().filter(spec -> spec.requires().contains(name)).map(FeatureSpec::name)
                        .collect(Collectors.joining(", "));
                throw new FeatureException("feature " + name + " is required by " + requirers + ": uninstall that first");
            }
            reconciler.reconcile(files(remaining), true);
            optionsFile.write(next);
        } catch (CatalogException e) {
            throw new FeatureException(e.getMessage(), e);
        } catch (IOException | BundleException e) {
            throw new FeatureException("cannot uninstall feature " + name + ": " + e.getMessage(), e);
        }
    }

    private List<BundleFile> files(List<FeatureSpec> features) {
        return FeatureCatalog.bundlesOf(features).stream().map(repository::resolve).toList();
    }

    private static FeatureDescription describe(FeatureSpec spec, boolean installed) {
        return new FeatureDescription(spec.name(), spec.title(), spec.bundles().stream().map(Object::toString).toList(), installed);
    }
}
