package io.zgnode.net.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zgnode.api.net.MessageHandler;
import io.zgnode.api.net.RequestHandler;

/**
 * The whiteboard: message handlers by topic (every handler of a topic gets each message) and
 * request handlers by protocol (the best ranked serves). Bound and unbound by SCR at any time,
 * read by the network threads. Thread-safe.
 */
public final class Handlers {

    private record Served(RequestHandler handler, int ranking, long serviceId) {
    }

    private static final Comparator<Served> BEST_FIRST =
            Comparator.comparingInt(Served::ranking).reversed().thenComparingLong(Served::serviceId);

    private final Map<String, List<MessageHandler>> byTopic = new ConcurrentHashMap<>();
    private final Map<String, List<Served>> byProtocol = new ConcurrentHashMap<>();

    public void addMessageHandler(MessageHandler handler, Map<String, ?> properties) {
        for (String topic : names(properties.get(MessageHandler.TOPIC))) {
            byTopic.compute(topic, (t, list) -> {
                List<MessageHandler> out = list == null ? new CopyOnWriteArrayList<>() : list;
                if (!out.contains(handler)) {
                    out.add(handler);
                }
                return out;
            });
        }
    }

    public void removeMessageHandler(MessageHandler handler) {
        for (String topic : List.copyOf(byTopic.keySet())) {
            byTopic.computeIfPresent(topic, (t, list) -> {
                list.remove(handler);
                return list.isEmpty() ? null : list;
            });
        }
    }

    public void addRequestHandler(RequestHandler handler, Map<String, ?> properties) {
        int ranking = properties.get("service.ranking") instanceof Integer r ? r : 0;
        long id = properties.get("service.id") instanceof Long l ? l : 0;
        for (String protocol : names(properties.get(RequestHandler.PROTOCOL))) {
            byProtocol.compute(protocol, (p, list) -> {
                List<Served> out = new ArrayList<>(list == null ? List.of() : list);
                out.removeIf(s -> s.handler() == handler);
                out.add(new Served(handler, ranking, id));
                out.sort(BEST_FIRST);
                return List.copyOf(out);
            });
        }
    }

    public void removeRequestHandler(RequestHandler handler) {
        for (String protocol : List.copyOf(byProtocol.keySet())) {
            byProtocol.computeIfPresent(protocol, (p, list) -> {
                List<Served> out = new ArrayList<>(list);
                out.removeIf(s -> s.handler() == handler);
                return out.isEmpty() ? null : List.copyOf(out);
            });
        }
    }

    /** The handlers of a topic, possibly none. */
    public List<MessageHandler> forTopic(String topic) {
        List<MessageHandler> list = byTopic.get(topic);
        return list == null ? List.of() : list;
    }

    /** The handler serving a protocol, or null. */
    public RequestHandler forProtocol(String protocol) {
        List<Served> list = byProtocol.get(protocol);
        return list == null || list.isEmpty() ? null : list.get(0).handler();
    }

    public Set<String> topics() {
        return new TreeSet<>(byTopic.keySet());
    }

    public Set<String> protocols() {
        return new TreeSet<>(byProtocol.keySet());
    }

    /** A service property of one or several names: String, String[] or a collection. */
    static List<String> names(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            add(out, s);
        } else if (value instanceof String[] array) {
            for (String s : array) {
                add(out, s);
            }
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) {
                add(out, String.valueOf(o));
            }
        }
        return out;
    }

    private static void add(List<String> out, String name) {
        if (name != null && !name.isBlank()) {
            out.add(name.trim());
        }
    }
}
