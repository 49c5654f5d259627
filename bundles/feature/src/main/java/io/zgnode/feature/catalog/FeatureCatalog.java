package io.zgnode.feature.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;
import org.osgi.service.feature.FeatureExtension;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

/** The features of a distribution: every {@code *.json} file of its features directory. */
public final class FeatureCatalog {

    /** The feature every node runs. */
    public static final String CORE = "core";
    /** Bundle metadata: the start level of a bundle (as in Apache Sling's feature model). */
    public static final String START_ORDER = "start-order";
    /** Text extension listing the features a feature needs. */
    public static final String REQUIRES_EXTENSION = "zgnode-requires";

    private final Map<String, FeatureSpec> features;

    private FeatureCatalog(Map<String, FeatureSpec> features) {
        this.features = Collections.unmodifiableMap(features);
    }

    /**
     * Reads every feature in {@code directory}.
     *
     * @throws CatalogException naming the file, if a feature cannot be read or names a feature
     *         that does not exist
     */
    public static FeatureCatalog read(Path directory, FeatureService reader) {
        Map<String, FeatureSpec> features = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                FeatureSpec spec = readOne(file, reader);
                features.put(spec.name(), spec);
            }
        } catch (IOException e) {
            throw new CatalogException("cannot read the features in " + directory + ": " + e.getMessage(), e);
        }
        if (!features.containsKey(CORE)) {
            throw new CatalogException("no core feature in " + directory);
        }
        for (FeatureSpec spec : features.values()) {
            for (String required : spec.requires()) {
                if (!features.containsKey(required)) {
                    throw new CatalogException("feature " + spec.name() + " requires unknown feature " + required);
                }
            }
        }
        return new FeatureCatalog(features);
    }

    private static FeatureSpec readOne(Path file, FeatureService reader) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".json".length());
        Feature feature;
        try (Reader in = Files.newBufferedReader(file)) {
            feature = reader.readFeature(in);
        } catch (IOException | RuntimeException e) {
            throw new CatalogException("feature file " + file + " is not a valid OSGi feature: " + e.getMessage(), e);
        }
        List<BundleRef> bundles = new ArrayList<>();
        for (FeatureBundle bundle : feature.getBundles()) {
            ID id = bundle.getID();
            bundles.add(new BundleRef(id.getGroupId(), id.getArtifactId(), id.getVersion(),
                    id.getType().orElse(null), id.getClassifier().orElse(null), startOrder(file, bundle)));
        }
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        for (FeatureConfiguration configuration : feature.getConfigurations().values()) {
            configurations.put(configuration.getPid(), new LinkedHashMap<>(configuration.getValues()));
        }
        FeatureExtension requires = feature.getExtensions().get(REQUIRES_EXTENSION);
        List<String> required = requires == null ? List.of() : requires.getText().stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        String title = feature.getName().or(feature::getDescription).orElse(name);
        return new FeatureSpec(name, title, bundles, configurations, required, feature.getCategories());
    }

    private static int startOrder(Path file, FeatureBundle bundle) {
        Object order = bundle.getMetadata().get(START_ORDER);
        if (order == null) {
            return BundleRef.DEFAULT_START_ORDER;
        }
        try {
            int value = Integer.parseInt(order.toString().trim());
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CatalogException("feature file " + file + ": bundle " + bundle.getID() + " has start-order '" + order + "', expected a number from 1");
        }
    }

    /** The start level the framework must reach for every bundle of {@code features} to start. */
    public static int highestStartOrder(List<FeatureSpec> features) {
        return features.stream().flatMap(f -> f.bundles().stream()).mapToInt(BundleRef::startOrder)
                .max().orElse(BundleRef.DEFAULT_START_ORDER);
    }

    public List<FeatureSpec> all() {
        return List.copyOf(features.values());
    }

    public Optional<FeatureSpec> find(String name) {
        return Optional.ofNullable(features.get(name));
    }

    /** The feature of that name, or a one-line error listing the known ones. */
    public FeatureSpec get(String name) {
        FeatureSpec spec = features.get(name);
        if (spec == null) {
            throw new CatalogException("unknown feature '" + name + "' (known: " + String.join(", ", features.keySet()) + ")");
        }
        return spec;
    }

    /**
     * The features to run for {@code names}: {@code core} first, then each feature after the
     * features it requires, each once.
     */
    public List<FeatureSpec> closure(List<String> names) {
        Set<String> ordered = new LinkedHashSet<>();
        addWithRequirements(CORE, ordered, new LinkedHashSet<>());
        for (String name : names) {
            addWithRequirements(name, ordered, new LinkedHashSet<>());
        }
        return ordered.stream().map(features::get).toList();
    }

    private void addWithRequirements(String name, Set<String> ordered, Set<String> visiting) {
        if (ordered.contains(name)) {
            return;
        }
        if (!visiting.add(name)) {
            throw new CatalogException("features require each other in a cycle: " + String.join(" -> ", visiting) + " -> " + name);
        }
        for (String required : get(name).requires()) {
            addWithRequirements(required, ordered, visiting);
        }
        ordered.add(name);
    }

    /** The bundles of the given features, each once, in feature order. */
    public static List<BundleRef> bundlesOf(List<FeatureSpec> features) {
        Map<String, BundleRef> bundles = new LinkedHashMap<>();
        for (FeatureSpec feature : features) {
            for (BundleRef bundle : feature.bundles()) {
                bundles.putIfAbsent(bundle.location(), bundle);
            }
        }
        return List.copyOf(bundles.values());
    }
}
