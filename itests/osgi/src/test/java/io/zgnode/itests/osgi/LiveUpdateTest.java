package io.zgnode.itests.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithConfiguration;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.cm.ConfigurationExtension;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.api.rpc.RpcServer;

/**
 * Live updates while a client keeps calling: the example plugin (an RPC method keeping a counter
 * in the store) and the store itself are replaced under load. No call may fail, the counter must
 * go on from where it was (the data lives in the store, not in the components), and the RPC
 * server, the consumer of the plugin's endpoint, must rebind without being recreated.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
@ExtendWith(ConfigurationExtension.class)
@WithConfiguration(pid = "io.zgnode.rpc", location = "?", properties = @Property(key = "port", value = "0", scalar = Property.Scalar.Integer))
class LiveUpdateTest {

    private static final int CALLS_EACH_SIDE = 50;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 20_000)
    ServiceAware<RpcServer> rpc;

    private RpcClient client;

    @BeforeEach
    void waitForThePlugin() throws Exception {
        client = new RpcClient(rpc.getService().url());
        long deadline = System.currentTimeMillis() + 20_000;
        while (!rpc.getService().methods().contains("example_count")) {
            assertThat(System.currentTimeMillis()).as("example_count served").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void updatingThePluginUnderLoadLosesNoCallAndKeepsItsState() throws Exception {
        Bundle plugin = bundle("io.zgnode.plugin.example");
        long serverId = serviceId(rpc.getServiceReference());
        try (CallLoop calls = new CallLoop(client)) {
            calls.awaitMoreCalls(CALLS_EACH_SIDE);
            plugin.update(BundleJars.nextVersion(plugin, "plugin1"));
            calls.awaitMoreCalls(CALLS_EACH_SIDE);
            calls.close();
            assertThat(calls.failures()).as("failed calls").isEmpty();
            assertConsecutive(calls.values());
        }
        assertThat(plugin.getVersion().getQualifier()).endsWith("plugin1");
        assertThat(client.result("example_hello", "operator").get("servedBy").asText()).endsWith("plugin1");
        assertThat(serviceId(rpc.getServiceReference())).as("the RPC server rebound, it was not recreated").isEqualTo(serverId);
    }

    @Test
    void updatingTheStoreUnderLoadLosesNoCallAndNoData() throws Exception {
        Bundle store = bundle("io.zgnode.store");
        try (CallLoop calls = new CallLoop(client)) {
            calls.awaitMoreCalls(CALLS_EACH_SIDE);
            store.update(BundleJars.nextVersion(store, "store1"));
            calls.awaitMoreCalls(CALLS_EACH_SIDE);
            calls.close();
            assertThat(calls.failures()).as("failed calls").isEmpty();
            assertConsecutive(calls.values());
        }
        assertThat(store.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(store.getVersion().getQualifier()).endsWith("store1");
    }

    @Test
    void aBetterRankedEndpointTakesOverAtOnceAndHandsBack() throws Exception {
        assertThat(client.result("example_hello", "a").get("message").asText()).isEqualTo("Hello, a!");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, 100);
        ServiceRegistration<RpcEndpoint> better = context.registerService(RpcEndpoint.class, new BetterHello(), properties);
        try {
            assertThat(client.result("example_hello", "a").asText()).isEqualTo("better hello, a");
        } finally {
            better.unregister();
        }
        assertThat(client.result("example_hello", "a").get("message").asText()).isEqualTo("Hello, a!");
    }

    /** An endpoint that claims the plugin's method with a higher ranking. */
    public static final class BetterHello implements RpcEndpoint {
        @RpcMethod("example_hello")
        public String hello(String name) {
            return "better hello, " + name;
        }
    }

    private static void assertConsecutive(List<Long> values) {
        assertThat(values).hasSizeGreaterThanOrEqualTo(2 * CALLS_EACH_SIDE);
        for (int i = 1; i < values.size(); i++) {
            assertThat(values.get(i)).as("call %d follows call %d", i, i - 1).isEqualTo(values.get(i - 1) + 1);
        }
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }
}
