package io.zgnode.feature.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

import io.zgnode.feature.catalog.BundleFile;
import io.zgnode.feature.catalog.BundleRepository;

/**
 * Installs, updates, starts and uninstalls feature bundles so that the framework holds exactly
 * the wanted ones. The launcher calls it before the framework starts; the feature manager calls
 * it live.
 * <p>
 * Only bundles installed from features (location prefix {@link BundleRepository#LOCATION_PREFIX})
 * are touched: plugins dropped into the plugins folder and bundles installed by hand are left
 * alone. A bundle is updated only when the repository holds a higher version than the installed
 * one, so a bundle an operator updated live to a newer version is not reverted.
 */
public final class BundleReconciler {

    private static final long REFRESH_TIMEOUT_SECONDS = 60;

    private final BundleContext context;

    public BundleReconciler(BundleContext context) {
        this.context = context;
    }

    /** What a reconciliation did. */
    public record Outcome(List<String> installed, List<String> updated, List<String> uninstalled, List<String> failedToStart) {

        public boolean changedAnything() {
            return !installed.isEmpty() || !updated.isEmpty() || !uninstalled.isEmpty();
        }
    }

    /**
     * Installs or updates every wanted bundle and starts the ones that are not fragments.
     *
     * @param removeUnwanted also uninstall feature bundles that are not wanted
     */
    public Outcome reconcile(List<BundleFile> wanted, boolean removeUnwanted) throws BundleException {
        Map<String, Bundle> present = managedBundles();
        List<String> installed = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> uninstalled = new ArrayList<>();
        List<Bundle> toRefresh = new ArrayList<>();
        List<Bundle> toStart = new ArrayList<>();

        for (BundleFile file : wanted) {
            Bundle bundle = present.get(file.location());
            if (bundle == null) {
                bundle = install(file);
                bundle.adapt(BundleStartLevel.class).setStartLevel(file.ref().startOrder());
                installed.add(file.symbolicName() + " " + file.version());
            } else if (bundle.getVersion().compareTo(file.version()) < 0) {
                update(bundle, file);
                updated.add(file.symbolicName() + " " + bundle.getVersion());
                toRefresh.add(bundle);
            }
            if (!file.fragment()) {
                toStart.add(bundle);
            }
        }
        if (removeUnwanted) {
            Set<String> wantedLocations = wanted.stream().map(BundleFile::location).collect(Collectors.toCollection(HashSet::new));
            for (Bundle bundle : present.values()) {
                if (!wantedLocations.contains(bundle.getLocation())) {
                    uninstalled.add(bundle.getSymbolicName() + " " + bundle.getVersion());
                    bundle.uninstall();
                    toRefresh.add(bundle);
                }
            }
        }
        if (!toRefresh.isEmpty()) {
            refresh(toRefresh);
        }
        List<String> failed = new ArrayList<>();
        for (Bundle bundle : toStart) {
            try {
                bundle.start();
            } catch (BundleException e) {
                failed.add(bundle.getSymbolicName() + ": " + e.getMessage());
            }
        }
        return new Outcome(installed, updated, uninstalled, failed);
    }

    /** The bundles installed from features, by location. */
    public Map<String, Bundle> managedBundles() {
        return java.util.Arrays.stream(context.getBundles())
                .filter(b -> b.getLocation().startsWith(BundleRepository.LOCATION_PREFIX))
                .collect(Collectors.toMap(Bundle::getLocation, Function.identity(), (a, b) -> a));
    }

    private Bundle install(BundleFile file) throws BundleException {
        try (InputStream in = Files.newInputStream(file.path())) {
            return context.installBundle(file.location(), in);
        } catch (IOException e) {
            throw new BundleException("cannot read " + file.path() + ": " + e.getMessage(), e);
        }
    }

    private static void update(Bundle bundle, BundleFile file) throws BundleException {
        try (InputStream in = Files.newInputStream(file.path())) {
            bundle.update(in);
        } catch (IOException e) {
            throw new BundleException("cannot read " + file.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lets importers of updated or uninstalled bundles rewire. Before the framework has started
     * there is nothing to rewire: the first resolve sees the new revisions.
     */
    private void refresh(List<Bundle> bundles) throws BundleException {
        Bundle framework = context.getBundle(0);
        if (framework.getState() != Bundle.ACTIVE) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new BundleException("refreshing bundles took longer than " + REFRESH_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("interrupted while refreshing bundles", e);
        }
    }
}
