package io.zgnode.runtime.cli;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.ethereum.UnsignedTransaction;
import io.zgnode.runtime.UserError;

/**
 * A contract call sent as a signed EIP-1559 transaction over JSON-RPC, and its receipt awaited:
 * what a client command that changes chain state does. A call that would revert is refused before
 * anything is sent, with the contract's reason; one that reverts once included is an error with
 * the reason too.
 */
public final class Transactions {

    /** Native contracts' gas is exact, but the state may change between the estimate and the block (the flow grows). */
    private static final int GAS_MARGIN_PERCENT = 25;

    /**
     * A call: {@code what} names it in messages ("Flow.submit").
     */
    public record Call(String what, Address to, BigInteger value, byte[] data) {
    }

    /** The receipt of an included transaction. */
    public record Receipt(Hash transactionHash, long blockNumber, boolean success, List<Log> logs) {
    }

    private final RpcClient rpc;
    private final PrivateKey key;
    private final Address sender;

    public Transactions(RpcClient rpc, PrivateKey key) {
        this.rpc = rpc;
        this.key = key;
        this.sender = Address.of(key.address());
    }

    public Address sender() {
        return sender;
    }

    /**
     * Sends {@code call} and waits for its receipt.
     *
     * @throws UserError when it would revert (nothing sent), the node refuses it, it reverted, or no
     *     receipt came within {@code timeout}
     */
    public Receipt execute(Call call, Duration timeout) throws InterruptedException {
        Hash hash = send(call);
        Receipt receipt = awaitReceipt(hash, call.what(), timeout);
        if (!receipt.success()) {
            throw new UserError(call.what() + " transaction " + hash + " reverted in block " + receipt.blockNumber() + ": " + revertReason(call));
        }
        return receipt;
    }

    /** Estimates, signs and sends {@code call}; the transaction's hash. */
    public Hash send(Call call) {
        long gas = estimateGas(call);
        long chainId = rpc.callQuantity("eth_chainId").longValueExact();
        long nonce = rpc.callQuantity("eth_getTransactionCount", sender.toString(), "pending").longValueExact();
        BigInteger tip = rpc.callQuantity("eth_maxPriorityFeePerGas");
        // eth_gasPrice is the next base fee plus a tip: twice it still pays if the base fee climbs for a few blocks
        BigInteger maxFee = rpc.callQuantity("eth_gasPrice").shiftLeft(1).max(tip);
        Transaction signed = UnsignedTransaction.eip1559(chainId, nonce, tip, maxFee, gas, call.to(), call.value(), call.data(), null).sign(key);
        try {
            rpc.call("eth_sendRawTransaction", Hex.encode(signed.raw()));
        } catch (RpcError e) {
            throw new UserError(call.what() + " transaction refused by " + rpc.url() + ": " + Errors.oneLine(e.errorMessage()));
        }
        return signed.hash();
    }

    /** Polls {@code eth_getTransactionReceipt} until the transaction is in a block. */
    public Receipt awaitReceipt(Hash transaction, String what, Duration timeout) throws InterruptedException {
        JsonNode receipt = Polling.until(timeout, () -> {
            JsonNode answer = rpc.call("eth_getTransactionReceipt", transaction.toString());
            return answer.isNull() ? Optional.empty() : Optional.of(answer);
        }, () -> what + " transaction " + transaction + " is not in a block after " + timeout.toSeconds() + " s; run the command again later:"
                + " it finds the entry once it is committed");
        return parseReceipt(transaction, receipt);
    }

    private long estimateGas(Call call) {
        try {
            long estimate = rpc.callQuantity("eth_estimateGas", request(call)).longValueExact();
            return estimate + estimate * GAS_MARGIN_PERCENT / 100;
        } catch (RpcError e) {
            throw new UserError(call.what() + " would fail, so nothing was sent: " + Errors.oneLine(e.errorMessage()));
        }
    }

    /**
     * Why an included call reverted: receipts do not carry the reason, so the call is run again on
     * the latest state, as geth's clients do; the state may have moved on since.
     */
    private String revertReason(Call call) {
        try {
            rpc.call("eth_call", request(call), "latest");
            return "no reason given (the same call succeeds now)";
        } catch (RpcError e) {
            return Errors.oneLine(e.errorMessage());
        } catch (UserError e) {
            return "no reason known (" + e.getMessage() + ")";
        }
    }

    private Map<String, String> request(Call call) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("from", sender.toString());
        request.put("to", call.to().toString());
        request.put("value", "0x" + call.value().toString(16));
        request.put("data", Hex.encode(call.data()));
        return request;
    }

    private Receipt parseReceipt(Hash transaction, JsonNode receipt) {
        String method = "eth_getTransactionReceipt";
        try {
            List<Log> logs = new ArrayList<>();
            for (JsonNode log : receipt.path("logs")) {
                List<Hash> topics = new ArrayList<>();
                log.path("topics").forEach(topic -> topics.add(Hash.of(topic.asText())));
                logs.add(new Log(Address.of(log.path("address").asText()), topics, Hex.decode(log.path("data").asText("0x"))));
            }
            return new Receipt(transaction, rpc.quantity(receipt.get("blockNumber"), method).longValueExact(),
                    rpc.quantity(receipt.get("status"), method).signum() != 0, logs);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UserError(rpc.url() + " answered " + method + " with a malformed receipt: " + Errors.oneLine(String.valueOf(e.getMessage())));
        }
    }
}
