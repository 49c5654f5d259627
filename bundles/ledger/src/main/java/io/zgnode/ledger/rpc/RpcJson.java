package io.zgnode.ledger.rpc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.AccessListEntry;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;

/**
 * Blocks, transactions, receipts and logs in the JSON shapes Ethereum clients expect (geth's),
 * with the fields a proof-of-stake block has and no uncles.
 */
final class RpcJson {

    /** Keccak-256 of the RLP of an empty list: "no uncles". */
    private static final String EMPTY_UNCLES = "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";
    private static final String ZERO_NONCE = "0x0000000000000000";

    private RpcJson() {
    }

    static Map<String, Object> block(Block block, boolean fullTransactions, int encodedSize) {
        BlockHeader h = block.header();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", Quantities.of(h.number()));
        json.put("hash", h.hash().toString());
        json.put("parentHash", h.parentHash().toString());
        json.put("nonce", ZERO_NONCE);
        json.put("mixHash", Hash.ZERO.toString());
        json.put("sha3Uncles", EMPTY_UNCLES);
        json.put("logsBloom", Quantities.data(h.logsBloom()));
        json.put("transactionsRoot", h.transactionsRoot().toString());
        json.put("stateRoot", h.stateRoot().toString());
        json.put("receiptsRoot", h.receiptsRoot().toString());
        json.put("miner", h.proposer().toString());
        json.put("difficulty", "0x0");
        json.put("totalDifficulty", "0x0");
        json.put("extraData", "0x");
        json.put("size", Quantities.of(encodedSize));
        json.put("gasLimit", Quantities.of(h.gasLimit()));
        json.put("gasUsed", Quantities.of(h.gasUsed()));
        json.put("timestamp", Quantities.of(h.timestamp()));
        json.put("baseFeePerGas", Quantities.of(h.baseFeePerGas()));
        List<Object> transactions = new ArrayList<>();
        for (int i = 0; i < block.transactions().size(); i++) {
            Transaction transaction = block.transactions().get(i);
            transactions.add(fullTransactions ? transaction(transaction, block.header(), i) : transaction.hash().toString());
        }
        json.put("transactions", transactions);
        json.put("uncles", List.of());
        return json;
    }

    /** A block's header alone, as newHeads subscriptions push it. */
    static Map<String, Object> header(Block block) {
        Map<String, Object> json = block(block, false, 0);
        json.remove("transactions");
        json.remove("uncles");
        json.remove("size");
        json.remove("totalDifficulty");
        return json;
    }

    /** A transaction; {@code header} is null for one still in the pool. */
    static Map<String, Object> transaction(Transaction t, BlockHeader header, int index) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("blockHash", header == null ? null : header.hash().toString());
        json.put("blockNumber", header == null ? null : Quantities.of(header.number()));
        json.put("transactionIndex", header == null ? null : Quantities.of(index));
        json.put("hash", t.hash().toString());
        json.put("type", Quantities.of(t.type()));
        json.put("from", t.from().toString());
        json.put("to", t.to() == null ? null : t.to().toString());
        json.put("nonce", Quantities.of(t.nonce()));
        json.put("gas", Quantities.of(t.gasLimit()));
        json.put("value", Quantities.of(t.value()));
        json.put("input", Quantities.data(t.input()));
        BigInteger price = header == null ? t.feeCap() : t.effectiveGasPrice(header.baseFeePerGas());
        json.put("gasPrice", Quantities.of(price));
        if (t.type() == Transaction.DYNAMIC_FEE) {
            json.put("maxFeePerGas", Quantities.of(t.maxFeePerGas()));
            json.put("maxPriorityFeePerGas", Quantities.of(t.maxPriorityFeePerGas()));
        }
        if (t.type() != Transaction.LEGACY) {
            json.put("accessList", accessList(t.accessList()));
            json.put("yParity", Quantities.of(t.v()));
        }
        if (t.chainId() != null) {
            json.put("chainId", Quantities.of(t.chainId()));
        }
        json.put("v", Quantities.of(t.v()));
        json.put("r", Quantities.of(t.r()));
        json.put("s", Quantities.of(t.s()));
        return json;
    }

    private static List<Object> accessList(List<AccessListEntry> entries) {
        List<Object> list = new ArrayList<>();
        for (AccessListEntry entry : entries) {
            list.add(Map.of("address", entry.address().toString(), "storageKeys", entry.storageKeys().stream().map(Hash::toString).toList()));
        }
        return list;
    }

    /** A receipt; {@code firstLogIndex} is the block-wide index of its first log. */
    static Map<String, Object> receipt(Receipt r, int firstLogIndex) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("transactionHash", r.transactionHash().toString());
        json.put("transactionIndex", Quantities.of(r.transactionIndex()));
        json.put("blockHash", r.blockHash().toString());
        json.put("blockNumber", Quantities.of(r.blockNumber()));
        json.put("from", r.from().toString());
        json.put("to", r.to() == null ? null : r.to().toString());
        json.put("cumulativeGasUsed", Quantities.of(r.cumulativeGasUsed()));
        json.put("gasUsed", Quantities.of(r.gasUsed()));
        json.put("effectiveGasPrice", Quantities.of(r.effectiveGasPrice()));
        json.put("contractAddress", null);
        List<Object> logs = new ArrayList<>();
        for (int i = 0; i < r.logs().size(); i++) {
            logs.add(log(r.logs().get(i), r, firstLogIndex + i));
        }
        json.put("logs", logs);
        json.put("logsBloom", Quantities.data(r.logsBloom()));
        json.put("status", r.success() ? "0x1" : "0x0");
        json.put("type", Quantities.of(r.type()));
        return json;
    }

    static Map<String, Object> log(Log log, Receipt receipt, int logIndex) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", log.address().toString());
        json.put("topics", log.topics().stream().map(Hash::toString).toList());
        json.put("data", Quantities.data(log.data()));
        json.put("blockNumber", Quantities.of(receipt.blockNumber()));
        json.put("blockHash", receipt.blockHash().toString());
        json.put("transactionHash", receipt.transactionHash().toString());
        json.put("transactionIndex", Quantities.of(receipt.transactionIndex()));
        json.put("logIndex", Quantities.of(logIndex));
        json.put("removed", false);
        return json;
    }

    /** The block-wide index of each receipt's first log. */
    static int[] firstLogIndexes(List<Receipt> receipts) {
        int[] first = new int[receipts.size()];
        int next = 0;
        for (int i = 0; i < receipts.size(); i++) {
            first[i] = next;
            next += receipts.get(i).logs().size();
        }
        return first;
    }
}
