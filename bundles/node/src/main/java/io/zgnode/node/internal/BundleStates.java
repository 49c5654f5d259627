package io.zgnode.node.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Counts of the framework's bundles by state. Fragments are counted apart: they stay RESOLVED
 * by design and are not a problem to report.
 */
public record BundleStates(Map<String, Integer> counts, int fragments, List<String> notActive) {

    public static BundleStates of(BundleContext context) {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> notActive = new ArrayList<>();
        int fragments = 0;
        for (Bundle bundle : context.getBundles()) {
            if (isFragment(bundle)) {
                fragments++;
                continue;
            }
            String state = stateName(bundle.getState());
            counts.merge(state, 1, Integer::sum);
            if (bundle.getState() != Bundle.ACTIVE) {
                notActive.add(bundle.getBundleId() + " " + bundle.getSymbolicName() + " " + state);
            }
        }
        return new BundleStates(counts, fragments, notActive);
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    public static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.UNINSTALLED -> "uninstalled";
            default -> "unknown";
        };
    }
}
