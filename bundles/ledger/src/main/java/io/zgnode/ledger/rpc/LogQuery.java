package io.zgnode.ledger.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.rpc.RpcException;

/** Finds logs in a range of committed blocks, skipping blocks whose bloom rules them out. */
final class LogQuery {

    private final Chain chain;
    private final int maxBlockRange;
    private final int maxResults;

    LogQuery(Chain chain, int maxBlockRange, int maxResults) {
        this.chain = chain;
        this.maxBlockRange = maxBlockRange;
        this.maxResults = maxResults;
    }

    /** eth_getLogs: by {@code blockHash}, or {@code fromBlock}..{@code toBlock} (default latest). */
    List<Object> find(Map<?, ?> request) {
        LogFilter filter = LogFilter.parse(request);
        if (request.get("blockHash") != null) {
            long number = BlockParameter.resolve(Map.of("blockHash", request.get("blockHash")), chain);
            return find(filter, number, number);
        }
        long from = BlockParameter.resolve(request.get("fromBlock"), chain);
        long to = BlockParameter.resolve(request.get("toBlock"), chain);
        return find(filter, from, to);
    }

    List<Object> find(LogFilter filter, long from, long to) {
        long head = chain.head().number();
        to = Math.min(to, head);
        if (from > to) {
            return List.of();
        }
        if (to - from + 1 > maxBlockRange) {
            throw new RpcException(RpcException.SERVER_ERROR, "block range " + from + ".." + to + " is longer than the limit of "
                    + maxBlockRange + " blocks: split the query");
        }
        List<Object> logs = new ArrayList<>();
        for (long number = from; number <= to; number++) {
            BlockHeader header = chain.block(number).map(b -> b.header()).orElse(null);
            if (header != null && filter.mayMatch(header.logsBloom())) {
                collect(filter, chain.receipts(number), logs);
            }
        }
        return logs;
    }

    /** Appends the block's matching logs; refuses a result over the limit. */
    void collect(LogFilter filter, List<Receipt> receipts, List<Object> into) {
        int[] first = RpcJson.firstLogIndexes(receipts);
        for (int r = 0; r < receipts.size(); r++) {
            Receipt receipt = receipts.get(r);
            for (int i = 0; i < receipt.logs().size(); i++) {
                if (filter.matches(receipt.logs().get(i))) {
                    if (into.size() >= maxResults) {
                        throw new RpcException(RpcException.SERVER_ERROR, "more than " + maxResults + " logs match: narrow the query");
                    }
                    into.add(RpcJson.log(receipt.logs().get(i), receipt, first[r] + i));
                }
            }
        }
    }
}
