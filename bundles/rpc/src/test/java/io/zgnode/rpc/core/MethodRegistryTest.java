package io.zgnode.rpc.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.rpc.testing.LogCapture;
import io.zgnode.rpc.testing.SampleEndpoint;

class MethodRegistryTest {

    private final MethodRegistry registry = new MethodRegistry();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final LogCapture log = new LogCapture();

    public static class Plugin implements RpcEndpoint {
        private final String tag;

        public Plugin(String tag) {
            this.tag = tag;
        }

        @RpcMethod("plug_who")
        public String who() {
            return tag;
        }
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
        log.close();
    }

    @Test
    void methodsAppearAndVanishWithTheirEndpoint() {
        assertThat(registry.methods()).containsExactly("rpc_modules");
        registry.add(new SampleEndpoint(), 10, 0, "sample 1.0");
        assertThat(registry.methods()).contains("test_echo", "test_add", "test_session", "rpc_modules")
                .doesNotContain("test_tree");
        assertThat(registry.modules()).containsOnlyKeys("rpc", "test").containsValue("1.0");
        assertThat(registry.find("test_echo").provider()).isEqualTo("sample 1.0");
        assertThat(registry.find("test_echo").module()).isEqualTo("test");

        registry.remove(10);
        assertThat(registry.methods()).containsExactly("rpc_modules");
        assertThat(registry.find("test_echo")).isNull();
        assertThat(registry.modules()).containsOnlyKeys("rpc");
    }

    @Test
    void unservableMethodIsReportedOnce() {
        registry.add(new SampleEndpoint(), 10, 0, "sample 1.0");
        assertThat(log.messages()).filteredOn(m -> m.contains("test_tree")).hasSize(1)
                .first().asString().contains("JsonNode");
    }

    @Test
    void higherRankingWinsThenLowerServiceIdWithOneWarning() {
        registry.add(new Plugin("a"), 20, 0, "a 1.0");
        registry.add(new Plugin("b"), 21, 0, "b 1.0");
        assertThat(winner()).isEqualTo("a");
        registry.add(new Plugin("c"), 22, 5, "c 1.0");
        assertThat(winner()).isEqualTo("c");
        registry.add(new SampleEndpoint(), 30, 0, "sample 1.0"); // unrelated change: no new warning
        registry.remove(22);
        assertThat(winner()).isEqualTo("a");
        assertThat(log.messages()).filteredOn(m -> m.startsWith("plug_who is provided by"))
                .as("one warning per distinct conflict").hasSize(3)
                .allMatch(m -> m.contains("service.ranking"));
        assertThat(log.messages().get(log.messages().size() - 1)).contains("serving a 1.0");
    }

    private String winner() {
        return ((Plugin) registry.find("plug_who").invoker().target()).tag;
    }

    @Test
    void unknownMethodIsNotHeld() {
        registry.useGrace(5000, timer);
        CompletableFuture<RegisteredMethod> f = registry.lookup("never_served");
        assertThat(f).isCompletedWithValue(null);
    }

    @Test
    void vanishedMethodThatReturnsWithinGraceIsFound() throws Exception {
        registry.useGrace(5000, timer);
        registry.add(new Plugin("old"), 20, 0, "plugin 1.0");
        registry.remove(20);
        CompletableFuture<RegisteredMethod> held = registry.lookup("plug_who");
        assertThat(held).isNotDone();
        registry.add(new Plugin("new"), 21, 0, "plugin 1.1");
        RegisteredMethod m = held.get(1, TimeUnit.SECONDS);
        assertThat(((Plugin) m.invoker().target()).tag).isEqualTo("new");
    }

    @Test
    void vanishedMethodThatStaysGoneEndsTheWaitAfterGrace() throws Exception {
        registry.useGrace(300, timer);
        registry.add(new Plugin("old"), 20, 0, "plugin 1.0");
        registry.remove(20);
        long start = System.nanoTime();
        CompletableFuture<RegisteredMethod> held = registry.lookup("plug_who");
        assertThat(held.get(5, TimeUnit.SECONDS)).isNull();
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(waited).isBetween(200L, 2000L);
        // once the grace is over, calls are not held at all
        assertThat(registry.lookup("plug_who")).isCompletedWithValue(null);
    }

    @Test
    void stoppingEndsEveryHeldCall() {
        registry.useGrace(60_000, timer);
        registry.add(new Plugin("old"), 20, 0, "plugin 1.0");
        registry.remove(20);
        CompletableFuture<RegisteredMethod> held = registry.lookup("plug_who");
        assertThat(held).isNotDone();
        registry.useGrace(0, null);
        assertThat(held).isCompletedWithValue(null);
    }
}
