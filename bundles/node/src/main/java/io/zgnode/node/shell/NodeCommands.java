package io.zgnode.node.shell;

import java.time.Duration;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.zgnode.api.feature.FeatureManager;
import io.zgnode.api.node.NodeInfo;
import io.zgnode.api.rpc.RpcServer;
import io.zgnode.api.shell.ShellCommand;
import io.zgnode.node.internal.BundleStates;

/** {@code node:status}: what this node is and whether its parts run. */
@Component(service = NodeCommands.class)
@ShellCommand(scope = "node", function = {"status"})
public class NodeCommands {

    private final BundleContext context;
    private final NodeInfo node;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FeatureManager features;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RpcServer rpc;

    @Activate
    public NodeCommands(BundleContext context, @Reference NodeInfo node) {
        this.context = context;
        this.node = node;
    }

    @Descriptor("show the node's version, features, uptime, data directory, RPC URL and bundle states")
    public String status() {
        FeatureManager featureManager = features;
        RpcServer rpcServer = rpc;
        BundleStates states = BundleStates.of(context);
        StringBuilder out = new StringBuilder();
        line(out, "version", "zgnode " + node.version());
        line(out, "features", featureManager == null ? "(feature manager not running)" : String.join(", ", featureManager.installed()));
        line(out, "uptime", formatDuration(node.uptime()));
        line(out, "data", node.dataDirectory().toString());
        line(out, "rpc", rpcServer == null ? "(not serving)" : rpcServer.url().toString());
        line(out, "bundles", states.counts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + ", " + states.fragments() + " fragments");
        for (String bundle : states.notActive()) {
            line(out, "", "not active: " + bundle);
        }
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-9s %s%n", label, value));
    }

    static String formatDuration(Duration duration) {
        long seconds = duration.getSeconds();
        long days = seconds / 86_400;
        String clock = String.format("%02dh %02dm %02ds", (seconds / 3600) % 24, (seconds / 60) % 60, seconds % 60);
        return days > 0 ? days + "d " + clock : clock;
    }
}
