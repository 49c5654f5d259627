package io.zgnode.rpc.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.api.rpc.RpcSession;

/** Methods covering every binding rule, as a plugin would write them. */
public class SampleEndpoint implements RpcEndpoint {

    public final AtomicInteger counted = new AtomicInteger();
    public final CountDownLatch closed = new CountDownLatch(1);

    @RpcMethod("test_echo")
    public String echo(String text) {
        return text;
    }

    @RpcMethod("test_add")
    public long add(long a, long b) {
        return a + b;
    }

    @RpcMethod("test_transfer")
    public Transfer transfer(Transfer t) {
        return new Transfer(t.to().toUpperCase(), t.amount() * 2, t.memo());
    }

    @RpcMethod("test_sum")
    public int sum(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sum();
    }

    @RpcMethod("test_groups")
    public Map<String, Long> groups(Map<String, List<Long>> groups) {
        Map<String, Long> sums = new LinkedHashMap<>();
        groups.forEach((k, v) -> sums.put(k, v.stream().mapToLong(Long::longValue).sum()));
        return sums;
    }

    @RpcMethod("test_bytes")
    public Map<String, Object> bytes(byte[] data) {
        return Map.of("length", data.length, "copy", data);
    }

    @RpcMethod("test_optional")
    public String optional(String a, Optional<Long> b, Integer c) {
        return a + "|" + b.map(String::valueOf).orElse("empty") + "|" + c;
    }

    @RpcMethod("test_primitive")
    public String primitive(String a, long b) {
        return a + b;
    }

    @RpcMethod("test_session")
    public Map<String, Object> session(String prefix, RpcSession session) {
        return Map.of("prefix", String.valueOf(prefix), "id", session.id(), "push", session.supportsNotifications());
    }

    @RpcMethod("test_object")
    public String object(Object value) {
        return describe(value);
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("Map{");
            map.forEach((k, v) -> out.append(k).append('=').append(describe(v)).append(';'));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            return "List" + list.stream().map(SampleEndpoint::describe).toList();
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    @RpcMethod("test_fail")
    public void fail() {
        throw new RpcException(-32001, "not today", Map.of("retryAfter", 5));
    }

    @RpcMethod("test_boom")
    public void boom() {
        throw new IllegalStateException("secret internal detail");
    }

    /** Jackson cannot write a value that contains itself. */
    @RpcMethod("test_unwritable")
    public Object unwritable() {
        return new SelfReference();
    }

    public static final class SelfReference {
        public SelfReference getSelf() {
            return this;
        }
    }

    @RpcMethod("test_count")
    public void count() {
        counted.incrementAndGet();
    }

    @RpcMethod("test_sleep")
    public long sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }

    /** Not served: JsonNode would leak Jackson into the API. */
    @RpcMethod("test_tree")
    public String tree(JsonNode node) {
        return node.toString();
    }

    /**
     * A subscription: the first notification is sent during the call and must still reach the
     * client after the response; the rest come from another thread, in order.
     */
    @RpcMethod("test_subscribe")
    public String subscribe(RpcSession session, int count) {
        session.notify("test_subscription", Map.of("subscription", "0x1", "seq", 0));
        Thread pusher = new Thread(() -> {
            for (int i = 1; i < count; i++) {
                session.notify("test_subscription", Map.of("subscription", "0x1", "seq", i));
            }
        });
        pusher.start();
        return "0x1";
    }

    @RpcMethod("test_watch")
    public String watch(RpcSession session) {
        session.onClose(closed::countDown);
        return session.id();
    }

    @RpcMethod("test_push")
    public String push(RpcSession session) {
        try {
            session.notify("test_x", 1);
            return "sent";
        } catch (IllegalStateException e) {
            return "refused: " + e.getMessage();
        }
    }
}
