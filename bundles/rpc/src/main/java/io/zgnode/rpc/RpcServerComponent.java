package io.zgnode.rpc;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import io.zgnode.api.metrics.MetricSource;
import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcServer;
import io.zgnode.rpc.core.MethodRegistry;
import io.zgnode.rpc.http.ListenException;
import io.zgnode.rpc.http.RpcHttpServer;
import io.zgnode.rpc.http.ServerSettings;

/**
 * Wires the server into the framework: endpoints and metric sources from the whiteboard,
 * settings from ConfigAdmin. The RpcServer service is registered by hand, after the port is
 * bound, so it exists only while the node really listens. A configuration change reactivates
 * the component (no modified method): the server rebinds with the new settings.
 * <p>
 * The server starts only once it is configured (the core feature always configures it), so a
 * node never binds the default port first and its configured port a moment later.
 */
// the service is registered by hand, so DS cannot announce it: tell the resolver here
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.zgnode.api.rpc.RpcServer\"",
        uses = RpcServer.class)
@Component(name = RpcConfig.PID, configurationPid = RpcConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = RpcConfig.class)
public final class RpcServerComponent {

    private static final System.Logger LOG = System.getLogger("io.zgnode.rpc");

    /** Outlives nothing: endpoints are bound before activation and unbound after deactivation. */
    private final MethodRegistry registry = new MethodRegistry();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.REPLACE)
    private volatile List<MetricSource> metricSources = List.of();

    private RpcHttpServer server;
    private ServiceRegistration<?> registration;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeEndpoint", updated = "updatedEndpoint")
    void addEndpoint(RpcEndpoint endpoint, ServiceReference<RpcEndpoint> ref) {
        registry.add(endpoint, serviceId(ref), ranking(ref), provider(ref));
    }

    void updatedEndpoint(RpcEndpoint endpoint, ServiceReference<RpcEndpoint> ref) {
        registry.add(endpoint, serviceId(ref), ranking(ref), provider(ref));
    }

    void removeEndpoint(ServiceReference<RpcEndpoint> ref) {
        registry.remove(serviceId(ref));
    }

    @Activate
    void activate(RpcConfig config, BundleContext context) {
        try {
            server = RpcHttpServer.start(settings(config), registry, () -> metricSources);
        } catch (ListenException | IllegalArgumentException e) {
            // one line an operator can act on; SCR reports the failed activation as well
            LOG.log(Level.ERROR, e.getMessage());
            throw e;
        }
        try {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("url", server.url().toString());
            registration = context.registerService(
                    new String[] {RpcServer.class.getName(), RpcHttpServer.class.getName()}, server, props);
        } catch (RuntimeException e) {
            server.close();
            server = null;
            throw e;
        }
        LOG.log(Level.INFO, "JSON-RPC server listening on " + server.url() + " (WebSocket on / and /ws)");
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
            registration = null;
        }
        if (server != null) {
            server.close();
            LOG.log(Level.INFO, "JSON-RPC server on " + server.url() + " stopped");
            server = null;
        }
    }

    static ServerSettings settings(RpcConfig config) {
        String[] origins = config.corsOrigins();
        return new ServerSettings(config.host(), config.port(), config.maxRequestBytes(), config.maxBatchSize(),
                config.maxConnections(), origins == null ? List.of() : Arrays.asList(origins), config.workerThreads(),
                config.updateGraceMillis());
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }

    private static int ranking(ServiceReference<?> ref) {
        return ref.getProperty(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static String provider(ServiceReference<?> ref) {
        Bundle bundle = ref.getBundle();
        if (bundle == null) {
            return "unknown bundle";
        }
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }
}
