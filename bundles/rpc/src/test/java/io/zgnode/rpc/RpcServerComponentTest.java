package io.zgnode.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcServer;
import io.zgnode.rpc.http.ListenException;
import io.zgnode.rpc.http.RpcHttpServer;
import io.zgnode.rpc.http.ServerSettings;
import io.zgnode.rpc.testing.LogCapture;
import io.zgnode.rpc.testing.SampleEndpoint;

/** The DS component driven by hand, the way SCR would: binds, activate, deactivate. */
class RpcServerComponentTest {

    /** What the fake framework saw registered. */
    private final List<Object[]> registered = new ArrayList<>();
    private final List<Object> unregistered = new ArrayList<>();
    private final List<RpcServerComponent> active = new ArrayList<>();

    @AfterEach
    void deactivateAll() {
        active.forEach(RpcServerComponent::deactivate);
    }

    private static RpcConfig config(Map<String, Object> values) {
        return (RpcConfig) Proxy.newProxyInstance(RpcConfig.class.getClassLoader(), new Class<?>[] {RpcConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return RpcConfig.class;
                    }
                    return values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerService")) {
                        registered.add(args);
                        Object service = args[1];
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                    if (m.getName().equals("unregister")) {
                                        unregistered.add(service);
                                    }
                                    return null;
                                });
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<RpcEndpoint> reference(long id, int ranking) {
        Map<String, Object> props = Map.of(Constants.SERVICE_ID, id, Constants.SERVICE_RANKING, ranking);
        return (ServiceReference<RpcEndpoint>) Proxy.newProxyInstance(RpcServerComponentTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> props.get(args[0]);
                    case "getBundle" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private RpcServerComponent activate(Map<String, Object> values) {
        RpcServerComponent component = new RpcServerComponent();
        component.addEndpoint(new SampleEndpoint(), reference(5, 0));
        component.activate(config(values), context());
        active.add(component);
        return component;
    }

    @Test
    void registersRpcServerOnlyWhileListening() throws Exception {
        RpcServerComponent component = activate(Map.of("port", 0));
        assertThat(registered).hasSize(1);
        assertThat((String[]) registered.get(0)[0]).containsExactly(RpcServer.class.getName(), RpcHttpServer.class.getName());
        RpcServer server = (RpcServer) registered.get(0)[1];
        assertThat(((Dictionary<?, ?>) registered.get(0)[2]).get("url")).isEqualTo(server.url().toString());
        assertThat(server.methods()).contains("test_echo");

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.url().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"osgi\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).contains("\"result\":\"osgi\"");

        component.removeEndpoint(reference(5, 0));
        assertThat(server.methods()).doesNotContain("test_echo");

        component.deactivate();
        active.remove(component);
        assertThat(unregistered).containsExactly(server);
        URI url = server.url();
        try (ServerSocket again = new ServerSocket(url.getPort(), 50, java.net.InetAddress.getByName(url.getHost()))) {
            assertThat(again.isBound()).as("the port is free after deactivation").isTrue();
        }
    }

    @Test
    void busyPortFailsActivationWithOneLogLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
                LogCapture log = new LogCapture()) {
            int port = taken.getLocalPort();
            RpcServerComponent component = new RpcServerComponent();
            assertThatThrownBy(() -> component.activate(config(Map.of("port", port)), context()))
                    .isInstanceOf(ListenException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + port + ": address already in use");
            assertThat(registered).isEmpty();
            assertThat(log.records).hasSize(1);
            assertThat(log.records.get(0).getMessage()).isEqualTo("cannot listen on 127.0.0.1:" + port + ": address already in use");
            assertThat(log.records.get(0).getThrown()).isNull();
        }
    }

    @Test
    void configurationDefaultsAndParsing() {
        ServerSettings defaults = RpcServerComponent.settings(config(Map.of()));
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8545);
        assertThat(defaults.maxRequestBytes()).isEqualTo(64 * 1024 * 1024);
        assertThat(defaults.maxBatchSize()).isEqualTo(1000);
        assertThat(defaults.maxConnections()).isEqualTo(512);
        assertThat(defaults.corsOrigins()).isEmpty();
        assertThat(defaults.workerThreads()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(defaults.updateGraceMillis()).isEqualTo(2000);

        Map<String, Object> values = new HashMap<>();
        values.put("corsOrigins", new String[] {"https://a.example, https://b.example", "*"});
        values.put("workerThreads", 100_000);
        ServerSettings custom = RpcServerComponent.settings(config(values));
        assertThat(custom.corsOrigins()).containsExactly("https://a.example", "https://b.example", "*");
        assertThat(custom.workerThreads()).isEqualTo(ServerSettings.MAX_WORKER_THREADS);

        assertThatThrownBy(() -> RpcServerComponent.settings(config(Map.of("port", 70000))))
                .hasMessage("invalid rpc configuration: port 70000 is not in 0..65535");
    }

    @Test
    void shellCommandsDescribeTheServer() throws Exception {
        activate(Map.of("port", 0));
        RpcHttpServer server = (RpcHttpServer) registered.get(0)[1];
        RpcCommands commands = new RpcCommands(server);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.url().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_fail\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(commands.status())
                .contains("url          " + server.url())
                .contains("requests     1")
                .contains("errors       1")
                .containsPattern("connections  \\d+ of 512");
        assertThat(commands.methods())
                .contains("rpc\n  rpc_modules")
                .contains("io.zgnode.rpc")
                .containsPattern("test\n  test_add +unknown bundle");
        assertThat(new RpcCommands().status()).contains("not listening");
    }

}
