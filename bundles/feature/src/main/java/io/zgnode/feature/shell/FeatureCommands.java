package io.zgnode.feature.shell;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.feature.FeatureDescription;
import io.zgnode.api.feature.FeatureException;
import io.zgnode.api.feature.FeatureManager;
import io.zgnode.api.shell.ShellCommand;

/** {@code feature:list}, {@code feature:install NAME}, {@code feature:uninstall NAME}. */
@Component(service = FeatureCommands.class)
@ShellCommand(scope = "feature", function = {"list", "install", "uninstall"})
public class FeatureCommands {

    private final FeatureManager features;

    @org.osgi.service.component.annotations.Activate
    public FeatureCommands(@Reference FeatureManager features) {
        this.features = features;
    }

    @Descriptor("list the features of this distribution; * marks the installed ones")
    public String list() {
        StringBuilder out = new StringBuilder();
        for (FeatureDescription feature : features.available()) {
            out.append(feature.installed() ? "* " : "  ")
                    .append(String.format("%-12s %s%n", feature.name(), feature.title()));
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("install a feature live and remember it across restarts")
    public String install(@Descriptor("feature name, e.g. validator") String name) {
        try {
            FeatureDescription feature = features.install(name);
            return "feature " + feature.name() + " installed (" + feature.bundles().size() + " bundles)";
        } catch (FeatureException e) {
            return "error: " + e.getMessage();
        }
    }

    @Descriptor("uninstall a feature live; bundles other installed features need stay")
    public String uninstall(@Descriptor("feature name") String name) {
        try {
            features.uninstall(name);
            return "feature " + name + " uninstalled";
        } catch (FeatureException e) {
            return "error: " + e.getMessage();
        }
    }
}
