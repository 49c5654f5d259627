package io.zgnode.rpc.core;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whiteboard's method table: which endpoint serves which method now, and which methods
 * vanished recently.
 * <p>
 * Concurrency: endpoints come and go on the framework's threads while requests look methods up on
 * worker threads. Changes are serialized by {@code this}; lookups read an immutable table through
 * a volatile field and never lock unless the method is missing.
 * <p>
 * Grace: when a bundle is updated its endpoint unregisters and the new one registers a few
 * milliseconds later. A call for a method that vanished less than the grace period ago is held
 * (as a pending future, so no thread waits) until the method is back or the grace has run out.
 */
public final class MethodRegistry {

    /** The version every module is reported with by {@code rpc_modules}. */
    public static final String MODULE_VERSION = "1.0";

    private static final System.Logger LOG = System.getLogger("io.zgnode.rpc");
    private static final Comparator<Endpoint> PRECEDENCE = Comparator
            .comparingInt(Endpoint::ranking).reversed()
            .thenComparingLong(Endpoint::serviceId);

    private record Endpoint(long serviceId, int ranking, String provider, Map<String, MethodInvoker> methods) {
    }

    private final Map<Long, Endpoint> endpoints = new HashMap<>();
    private final Map<String, Long> vanishedAt = new HashMap<>();
    private final Map<String, List<Waiter>> waiting = new HashMap<>();
    private Set<String> reportedConflicts = Set.of();
    private long graceNanos;
    private ScheduledExecutorService timer;

    private volatile Map<String, RegisteredMethod> table = Map.of();

    public MethodRegistry() {
        add(new BuiltinMethods(this), BuiltinMethods.SERVICE_ID, 0, BuiltinMethods.PROVIDER);
    }

    /**
     * Serves the {@code @RpcMethod}s of {@code endpoint}; a second call for the same service id
     * replaces the first (a changed service.ranking).
     */
    public void add(Object endpoint, long serviceId, int ranking, String provider) {
        Objects.requireNonNull(endpoint, "endpoint");
        // scanning runs user classes through reflection and Jackson: keep it out of the lock
        Map<String, MethodInvoker> methods = EndpointScanner.scan(endpoint, JsonMappers.create(),
                problem -> LOG.log(Level.WARNING, "rpc endpoint of " + provider + ": " + problem));
        List<Waiter> released;
        synchronized (this) {
            endpoints.put(serviceId, new Endpoint(serviceId, ranking, provider, Map.copyOf(methods)));
            released = rebuild();
        }
        // completing runs the dispatcher's continuations: do it without holding the lock
        released.forEach(w -> w.complete(table.get(w.name)));
    }

    public void remove(long serviceId) {
        List<Waiter> released;
        synchronized (this) {
            if (endpoints.remove(serviceId) == null) {
                return;
            }
            released = rebuild();
        }
        released.forEach(w -> w.complete(table.get(w.name)));
    }

    /**
     * Holds calls for vanished methods up to {@code graceMillis}; the timer ends the wait.
     * With 0 or no timer, a missing method is not found at once.
     */
    public void useGrace(long graceMillis, ScheduledExecutorService timer) {
        List<Waiter> ended = new ArrayList<>();
        synchronized (this) {
            this.graceNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, graceMillis));
            this.timer = timer;
            if (timer == null) {
                // the server is stopping: every held call ends now
                waiting.values().forEach(ended::addAll);
                waiting.clear();
            }
        }
        ended.forEach(w -> w.complete(null));
    }

    /** The method served now under {@code name}, or null. */
    public RegisteredMethod find(String name) {
        return table.get(name);
    }

    /**
     * The method served under {@code name}: at once when it is served or unknown; later (with
     * the method, or null) when it vanished within the grace period.
     */
    public CompletableFuture<RegisteredMethod> lookup(String name) {
        RegisteredMethod method = table.get(name);
        if (method != null) {
            return CompletableFuture.completedFuture(method);
        }
        Waiter waiter;
        long delay;
        ScheduledExecutorService scheduler;
        synchronized (this) {
            method = table.get(name);
            Long gone = vanishedAt.get(name);
            if (method != null || gone == null || timer == null) {
                return CompletableFuture.completedFuture(method);
            }
            delay = gone + graceNanos - System.nanoTime();
            if (delay <= 0) {
                return CompletableFuture.completedFuture(null);
            }
            waiter = new Waiter(name);
            waiting.computeIfAbsent(name, n -> new ArrayList<>()).add(waiter);
            scheduler = timer;
        }
        try {
            scheduler.schedule(() -> expire(waiter), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            expire(waiter);
        }
        return waiter;
    }

    private void expire(Waiter waiter) {
        synchronized (this) {
            List<Waiter> list = waiting.get(waiter.name);
            if (list != null) {
                list.remove(waiter);
                if (list.isEmpty()) {
                    waiting.remove(waiter.name);
                }
            }
        }
        waiter.complete(null);
    }

    public SortedSet<String> methods() {
        return new TreeSet<>(table.keySet());
    }

    public SortedMap<String, String> modules() {
        SortedMap<String, String> modules = new TreeMap<>();
        table.values().forEach(m -> modules.put(m.module(), MODULE_VERSION));
        return modules;
    }

    /** The methods served now, by name. */
    public Collection<RegisteredMethod> served() {
        return new TreeMap<>(table).values();
    }

    /** Recomputes the table; returns the held calls whose method is served again. Holds the lock. */
    private List<Waiter> rebuild() {
        Map<String, List<Endpoint>> candidates = new HashMap<>();
        for (Endpoint e : endpoints.values()) {
            for (String name : e.methods().keySet()) {
                candidates.computeIfAbsent(name, n -> new ArrayList<>()).add(e);
            }
        }
        Map<String, RegisteredMethod> next = new HashMap<>();
        Set<String> conflicts = new HashSet<>();
        candidates.forEach((name, list) -> {
            list.sort(PRECEDENCE);
            Endpoint winner = list.get(0);
            next.put(name, new RegisteredMethod(name, RegisteredMethod.moduleOf(name), winner.provider(),
                    winner.serviceId(), winner.ranking(), winner.methods().get(name)));
            if (list.size() > 1) {
                String conflict = name + " is provided by " + describe(winner) + " and by "
                        + list.subList(1, list.size()).stream().map(MethodRegistry::describe).toList()
                        + ": serving " + describe(winner) + " (higher service.ranking, then lower service.id)";
                conflicts.add(conflict);
                if (!reportedConflicts.contains(conflict)) {
                    LOG.log(Level.WARNING, conflict);
                }
            }
        });
        reportedConflicts = conflicts;

        long now = System.nanoTime();
        for (String name : table.keySet()) {
            if (!next.containsKey(name)) {
                vanishedAt.put(name, now);
            }
        }
        vanishedAt.keySet().removeAll(next.keySet());
        vanishedAt.values().removeIf(at -> now - at > graceNanos);

        List<Waiter> released = new ArrayList<>();
        for (String name : next.keySet()) {
            List<Waiter> held = waiting.remove(name);
            if (held != null) {
                released.addAll(held);
            }
        }
        table = Map.copyOf(next);
        return released;
    }

    private static String describe(Endpoint e) {
        return e.provider() + " (service.id " + e.serviceId() + ", ranking " + e.ranking() + ")";
    }

    /** A held call: a future that knows which method it waits for. */
    private static final class Waiter extends CompletableFuture<RegisteredMethod> {

        final String name;

        Waiter(String name) {
            this.name = name;
        }
    }
}
