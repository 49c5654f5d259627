package io.zgnode.ledger.rpc;

import java.util.Map;

import io.zgnode.api.chain.Chain;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.rpc.RpcException;

/**
 * A block parameter: {@code latest}, {@code pending}, {@code safe}, {@code finalized} (all the
 * head: a committed block is final), {@code earliest}, a hex number, or an EIP-1898 object
 * ({@code {"blockNumber": ...}} or {@code {"blockHash": ...}}).
 */
final class BlockParameter {

    private BlockParameter() {
    }

    /** The block number meant; absent (null) means the head. */
    static long resolve(Object parameter, Chain chain) {
        long head = chain.head().number();
        if (parameter == null) {
            return head;
        }
        if (parameter instanceof Map<?, ?> object) {
            if (object.get("blockHash") instanceof String hash) {
                return chain.block(parseHash(hash)).map(block -> block.number())
                        .orElseThrow(() -> new RpcException(RpcException.SERVER_ERROR, "unknown block " + hash));
            }
            return resolve(object.get("blockNumber"), chain);
        }
        if (parameter instanceof String tag) {
            switch (tag) {
                case "latest", "pending", "safe", "finalized":
                    return head;
                case "earliest":
                    return 0;
                default:
                    break;
            }
        }
        return Quantities.parseLong(parameter, "block number");
    }

    /** For state queries: this node keeps the latest state only. */
    static void requireLatest(Object parameter, Chain chain) {
        long number = resolve(parameter, chain);
        if (number != chain.head().number()) {
            throw new RpcException(RpcException.SERVER_ERROR, "the state of block " + number
                    + " is not available: this node keeps the latest state only (block " + chain.head().number() + ")");
        }
    }

    static Hash parseHash(Object value) {
        if (!(value instanceof String text)) {
            throw RpcException.invalidParams("a 32-byte 0x-hex hash is expected");
        }
        try {
            return Hash.of(text);
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(e.getMessage());
        }
    }
}
