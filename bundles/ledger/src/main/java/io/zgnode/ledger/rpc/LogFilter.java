package io.zgnode.ledger.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.ethereum.LogsBloom;

/**
 * The criteria of eth_getLogs, eth_newFilter and the logs subscription: addresses (any of), and
 * per topic position null (anything), one hash, or a list of hashes (any of).
 */
final class LogFilter {

    private final Set<Address> addresses;
    private final List<Set<Hash>> topics;

    private LogFilter(Set<Address> addresses, List<Set<Hash>> topics) {
        this.addresses = addresses;
        this.topics = topics;
    }

    static LogFilter parse(Map<?, ?> filter) {
        Set<Address> addresses = new TreeSet<>();
        Object address = filter.get("address");
        if (address instanceof String one) {
            addresses.add(parseAddress(one));
        } else if (address instanceof List<?> many) {
            many.forEach(a -> addresses.add(parseAddress(a)));
        } else if (address != null) {
            throw RpcException.invalidParams("address must be an address or a list of addresses");
        }
        List<Set<Hash>> topics = new ArrayList<>();
        Object topicList = filter.get("topics");
        if (topicList instanceof List<?> positions) {
            if (positions.size() > 4) {
                throw RpcException.invalidParams("at most 4 topic positions");
            }
            for (Object position : positions) {
                Set<Hash> any = new TreeSet<>();
                if (position instanceof List<?> alternatives) {
                    alternatives.forEach(t -> any.add(BlockParameter.parseHash(t)));
                } else if (position != null) {
                    any.add(BlockParameter.parseHash(position));
                }
                topics.add(any);
            }
        } else if (topicList != null) {
            throw RpcException.invalidParams("topics must be a list");
        }
        return new LogFilter(addresses, topics);
    }

    private static Address parseAddress(Object value) {
        try {
            return Address.of(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(e.getMessage());
        }
    }

    boolean matches(Log log) {
        if (!addresses.isEmpty() && !addresses.contains(log.address())) {
            return false;
        }
        for (int i = 0; i < topics.size(); i++) {
            Set<Hash> any = topics.get(i);
            if (!any.isEmpty() && (i >= log.topics().size() || !any.contains(log.topics().get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a block with this bloom may hold a matching log (false: it surely does not). */
    boolean mayMatch(byte[] logsBloom) {
        LogsBloom bloom = LogsBloom.of(logsBloom);
        if (!addresses.isEmpty() && addresses.stream().noneMatch(a -> bloom.mightContain(a))) {
            return false;
        }
        for (Set<Hash> any : topics) {
            if (!any.isEmpty() && any.stream().noneMatch(t -> bloom.mightContain(t))) {
                return false;
            }
        }
        return true;
    }
}
