package io.zgnode.runtime;

import java.util.concurrent.Callable;

import io.zgnode.feature.catalog.FeatureSpec;
import picocli.CommandLine.Command;

/** {@code zgnode features}: one line per feature of the distribution. */
@Command(name = "features", description = "List the features (node roles) this distribution offers.")
final class FeaturesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (FeatureSpec feature : Distribution.locate().catalog().all()) {
            System.out.printf("%-12s %s%n", feature.name(), feature.title());
        }
        return 0;
    }
}
