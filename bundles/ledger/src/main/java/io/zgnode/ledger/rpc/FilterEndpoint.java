package io.zgnode.ledger.rpc;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.ChainListener;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.api.rpc.RpcSession;
import io.zgnode.ledger.Ledger;

/**
 * Events as clients follow them: polled filters over HTTP (eth_newFilter, eth_newBlockFilter,
 * eth_getFilterChanges, eth_getFilterLogs, eth_uninstallFilter; ethers uses them for events over
 * HTTP) and pushed subscriptions over WebSocket (eth_subscribe newHeads and logs).
 * <p>
 * Filters and subscriptions are per-client session state, kept in memory: they do not survive
 * a restart (clients install them again, as with any Ethereum node). A filter not polled for
 * {@code filterTimeoutSeconds} is dropped.
 */
@Component(service = {RpcEndpoint.class, ChainListener.class})
public class FilterEndpoint implements RpcEndpoint, ChainListener {

    private static final SecureRandom IDS = new SecureRandom();

    /** A polled filter: logs matching {@code criteria} (null: new blocks) from {@code nextBlock} on. */
    private static final class Filter {
        final LogFilter criteria;
        final Map<String, Object> request;
        long nextBlock;
        long lastPolled = System.currentTimeMillis();

        Filter(LogFilter criteria, Map<String, Object> request, long nextBlock) {
            this.criteria = criteria;
            this.request = request;
            this.nextBlock = nextBlock;
        }
    }

    private record Subscription(RpcSession session, LogFilter logs) {
    }

    private final Ledger ledger;
    private final LogQuery query;
    private final long timeoutMillis;
    private final Map<String, Filter> filters = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    @Activate
    public FilterEndpoint(@Reference Ledger ledger) {
        this.ledger = ledger;
        this.query = new LogQuery(ledger, ledger.config().maxLogBlockRange(), ledger.config().maxLogResults());
        this.timeoutMillis = ledger.config().filterTimeoutSeconds() * 1000L;
    }

    @RpcMethod("eth_newFilter")
    public String newFilter(Map<String, Object> request) {
        Map<String, Object> criteria = request == null ? Map.of() : request;
        return install(new Filter(LogFilter.parse(criteria), criteria, ledger.head().number() + 1));
    }

    @RpcMethod("eth_newBlockFilter")
    public String newBlockFilter() {
        return install(new Filter(null, Map.of(), ledger.head().number() + 1));
    }

    private String install(Filter filter) {
        expire();
        String id = newId();
        filters.put(id, filter);
        return id;
    }

    @RpcMethod("eth_getFilterChanges")
    public List<Object> getFilterChanges(String id) {
        Filter filter = filter(id);
        synchronized (filter) {
            long head = ledger.head().number();
            List<Object> changes = new ArrayList<>();
            if (filter.criteria == null) {
                for (long number = filter.nextBlock; number <= head; number++) {
                    ledger.block(number).ifPresent(block -> changes.add(block.hash().toString()));
                }
            } else if (filter.nextBlock <= head) {
                long from = Math.max(filter.nextBlock, head - ledger.config().maxLogBlockRange() + 1);
                changes.addAll(query.find(filter.criteria, from, head));
            }
            filter.nextBlock = head + 1;
            filter.lastPolled = System.currentTimeMillis();
            return changes;
        }
    }

    @RpcMethod("eth_getFilterLogs")
    public List<Object> getFilterLogs(String id) {
        Filter filter = filter(id);
        if (filter.criteria == null) {
            throw RpcException.invalidParams("filter " + id + " is a block filter, not a log filter");
        }
        filter.lastPolled = System.currentTimeMillis();
        return query.find(filter.request);
    }

    @RpcMethod("eth_uninstallFilter")
    public boolean uninstallFilter(String id) {
        return filters.remove(id) != null;
    }

    private Filter filter(String id) {
        expire();
        Filter filter = filters.get(id);
        if (filter == null) {
            throw new RpcException(RpcException.SERVER_ERROR, "filter not found: " + id);
        }
        return filter;
    }

    private void expire() {
        long now = System.currentTimeMillis();
        filters.values().removeIf(filter -> now - filter.lastPolled > timeoutMillis);
    }

    @RpcMethod("eth_subscribe")
    public String subscribe(RpcSession session, String kind, Map<String, Object> criteria) {
        if (!session.supportsNotifications()) {
            throw new RpcException(RpcException.SERVER_ERROR, "notifications not supported: subscribe over WebSocket");
        }
        LogFilter logs = switch (kind == null ? "" : kind) {
            case "newHeads" -> null;
            case "logs" -> LogFilter.parse(criteria == null ? Map.of() : criteria);
            default -> throw RpcException.invalidParams("unsupported subscription '" + kind + "': newHeads and logs are supported");
        };
        String id = newId();
        subscriptions.put(id, new Subscription(session, logs));
        session.onClose(() -> subscriptions.remove(id));
        return id;
    }

    @RpcMethod("eth_unsubscribe")
    public boolean unsubscribe(RpcSession session, String id) {
        Subscription subscription = subscriptions.get(id);
        return subscription != null && subscription.session().id().equals(session.id()) && subscriptions.remove(id) != null;
    }

    @Override
    public void blockCommitted(Block block, List<Receipt> receipts) {
        if (subscriptions.isEmpty()) {
            return;
        }
        Map<String, Object> head = RpcJson.header(block);
        for (Map.Entry<String, Subscription> entry : subscriptions.entrySet()) {
            Subscription subscription = entry.getValue();
            if (!subscription.session().isOpen()) {
                subscriptions.remove(entry.getKey());
            } else if (subscription.logs() == null) {
                push(subscription, entry.getKey(), head);
            } else {
                List<Object> matching = new ArrayList<>();
                query.collect(subscription.logs(), receipts, matching);
                matching.forEach(log -> push(subscription, entry.getKey(), log));
            }
        }
    }

    private static void push(Subscription subscription, String id, Object result) {
        subscription.session().notify("eth_subscription", Map.of("subscription", id, "result", result));
    }

    private static String newId() {
        byte[] id = new byte[16];
        IDS.nextBytes(id);
        return "0x" + HexFormat.of().formatHex(id);
    }
}
