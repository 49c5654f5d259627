package io.zgnode.rpc;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.zgnode.api.shell.ShellCommand;
import io.zgnode.rpc.core.RegisteredMethod;
import io.zgnode.rpc.http.RpcHttpServer;

/** Gogo commands {@code rpc:status} and {@code rpc:methods}. */
@Component(service = RpcCommands.class)
@ShellCommand(scope = "rpc", function = {"status", "methods"})
public final class RpcCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RpcHttpServer server;

    public RpcCommands() {
    }

    RpcCommands(RpcHttpServer server) {
        this.server = server;
    }

    public String status() {
        RpcHttpServer s = server;
        if (s == null) {
            return "JSON-RPC server not listening (see the log, or configure PID " + RpcConfig.PID + ")";
        }
        return String.format("url          %s (WebSocket on / and /ws)%n"
                        + "connections  %d of %d%n"
                        + "requests     %d%n"
                        + "errors       %d%n"
                        + "methods      %d in %d modules%n",
                s.url(), s.connections(), s.settings().maxConnections(), s.requestsServed(), s.errors(),
                s.methods().size(), s.modules().size());
    }

    public String methods() {
        RpcHttpServer s = server;
        if (s == null) {
            return "JSON-RPC server not listening";
        }
        return format(s.served());
    }

    static String format(Collection<RegisteredMethod> methods) {
        Map<String, Map<String, String>> byModule = new TreeMap<>();
        for (RegisteredMethod m : methods) {
            byModule.computeIfAbsent(m.module(), k -> new TreeMap<>()).put(m.name(), m.provider());
        }
        int width = methods.stream().mapToInt(m -> m.name().length()).max().orElse(0);
        return byModule.entrySet().stream().map(module -> module.getKey() + "\n" + module.getValue().entrySet().stream()
                .map(e -> String.format("  %-" + width + "s  %s", e.getKey(), e.getValue()))
                .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
