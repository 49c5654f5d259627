package io.zgnode.ledger.rpc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.api.net.PeerNetwork;
import io.zgnode.api.node.NodeInfo;
import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.crypto.Keccak256;
import io.zgnode.ethereum.RevertReason;
import io.zgnode.ethereum.TransactionDecoder;
import io.zgnode.ledger.Ledger;
import io.zgnode.ledger.execution.CallResult;
import io.zgnode.ledger.gossip.TransactionGossip;

/**
 * The Ethereum JSON-RPC methods wallets and libraries use, on the committed chain. State queries
 * answer for the head (this node keeps the latest state). Errors follow geth: -32000 for
 * rejected transactions and unavailable data, 3 with the revert data for a reverted call.
 */
@Component(service = RpcEndpoint.class)
public class EthEndpoint implements RpcEndpoint {

    /** The code eth_getCode shows for a native contract: INVALID (0xfe), then its name. */
    private static final byte INVALID_OPCODE = (byte) 0xfe;
    /** Suggested priority fee: 1 gwei. */
    private static final BigInteger SUGGESTED_TIP = BigInteger.TEN.pow(9);
    private static final int EXECUTION_REVERTED = 3;

    private final Ledger ledger;
    private final NodeInfo node;
    private final LogQuery logs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PeerNetwork network;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TransactionGossip gossip;

    @Activate
    public EthEndpoint(@Reference Ledger ledger, @Reference NodeInfo node) {
        this.ledger = ledger;
        this.node = node;
        this.logs = new LogQuery(ledger, ledger.config().maxLogBlockRange(), ledger.config().maxLogResults());
    }

    @RpcMethod("web3_clientVersion")
    public String clientVersion() {
        return "zgnode/v" + node.version() + "/java" + Runtime.version().feature();
    }

    @RpcMethod("web3_sha3")
    public String sha3(String data) {
        return Quantities.data(Keccak256.hash(Quantities.parseData(data, "data")));
    }

    @RpcMethod("net_version")
    public String netVersion() {
        return Long.toString(ledger.chainId());
    }

    @RpcMethod("net_listening")
    public boolean listening() {
        return true;
    }

    @RpcMethod("net_peerCount")
    public String peerCount() {
        PeerNetwork peers = network;
        return Quantities.of(peers == null ? 0 : peers.peers().size());
    }

    /** The native contracts this node runs, by name: what a client needs to find Flow, Market and the others. */
    @RpcMethod("zg_nativeContracts")
    public Map<String, String> nativeContracts() {
        Map<String, String> contracts = new TreeMap<>();
        ledger.contracts().names().forEach((address, name) -> contracts.put(name, address.toString()));
        return contracts;
    }

    @RpcMethod("eth_chainId")
    public String chainId() {
        return Quantities.of(ledger.chainId());
    }

    @RpcMethod("eth_blockNumber")
    public String blockNumber() {
        return Quantities.of(ledger.head().number());
    }

    @RpcMethod("eth_syncing")
    public boolean syncing() {
        return false;
    }

    @RpcMethod("eth_accounts")
    public List<String> accounts() {
        return List.of();
    }

    @RpcMethod("eth_getBalance")
    public String getBalance(String address, Object block) {
        BlockParameter.requireLatest(block, ledger);
        return Quantities.of(ledger.balance(address(address)));
    }

    @RpcMethod("eth_getTransactionCount")
    public String getTransactionCount(String address, Object block) {
        Address account = address(address);
        if ("pending".equals(block)) {
            return Quantities.of(ledger.pendingNonce(account));
        }
        BlockParameter.requireLatest(block, ledger);
        return Quantities.of(ledger.account(account).nonce());
    }

    @RpcMethod("eth_getCode")
    public String getCode(String address, Object block) {
        BlockParameter.requireLatest(block, ledger);
        String name = ledger.contracts().names().get(address(address));
        if (name == null) {
            return "0x";
        }
        byte[] text = ("zgnode native contract " + name).getBytes(StandardCharsets.UTF_8);
        byte[] code = new byte[text.length + 1];
        code[0] = INVALID_OPCODE;
        System.arraycopy(text, 0, code, 1, text.length);
        return Quantities.data(code);
    }

    /** Native contracts keep keyed state, not 32-byte slots: every slot reads as zero. */
    @RpcMethod("eth_getStorageAt")
    public String getStorageAt(String address, String slot, Object block) {
        address(address);
        BlockParameter.requireLatest(block, ledger);
        return Hash.ZERO.toString();
    }

    @RpcMethod("eth_gasPrice")
    public String gasPrice() {
        return Quantities.of(ledger.nextBaseFee().add(SUGGESTED_TIP));
    }

    @RpcMethod("eth_maxPriorityFeePerGas")
    public String maxPriorityFeePerGas() {
        return Quantities.of(SUGGESTED_TIP);
    }

    @RpcMethod("eth_feeHistory")
    public Map<String, Object> feeHistory(Object blockCount, Object newestBlock, List<Number> rewardPercentiles) {
        return FeeHistory.of(ledger, blockCount, newestBlock, rewardPercentiles);
    }

    @RpcMethod("eth_call")
    public String call(Map<String, Object> call, Object block) {
        BlockParameter.requireLatest(block, ledger);
        CallRequest request = CallRequest.parse(call);
        CallResult result = ledger.call(request.from(), request.to(), request.value(), request.data(),
                request.gas() == null ? ledger.config().rpcGasCap() : request.gas());
        if (!result.success()) {
            throw reverted(result.output());
        }
        return Quantities.data(result.output());
    }

    @RpcMethod("eth_estimateGas")
    public String estimateGas(Map<String, Object> call, Object block) {
        BlockParameter.requireLatest(block, ledger);
        CallRequest request = CallRequest.parse(call);
        long cap = request.gas() == null ? ledger.config().rpcGasCap() : request.gas();
        CallResult result = ledger.call(request.from(), request.to(), request.value(), request.data(), cap);
        if (!result.success()) {
            throw result.gasLeft() == 0 && result.output().length == 0
                    ? new RpcException(RpcException.SERVER_ERROR, "gas required exceeds allowance (" + cap + ")")
                    : reverted(result.output());
        }
        return Quantities.of(cap - result.gasLeft());
    }

    private static RpcException reverted(byte[] revertData) {
        String reason = RevertReason.decode(revertData).map(r -> "execution reverted: " + r).orElse("execution reverted");
        return new RpcException(EXECUTION_REVERTED, reason, Quantities.data(revertData));
    }

    /** Accepted transactions are gossiped to the peers, so that whichever validator proposes next has them. */
    @RpcMethod("eth_sendRawTransaction")
    public String sendRawTransaction(String raw) {
        byte[] bytes = Quantities.parseData(raw, "transaction");
        try {
            TransactionDecoder.Recovered accepted = ledger.accept(bytes);
            TransactionGossip peers = gossip;
            if (peers != null) {
                peers.announce(bytes, accepted.senderKey());
            }
            return accepted.transaction().hash().toString();
        } catch (TransactionRejectedException e) {
            throw new RpcException(RpcException.SERVER_ERROR, e.getMessage());
        }
    }

    @RpcMethod("eth_getTransactionByHash")
    public Map<String, Object> getTransactionByHash(String hash) {
        Hash id = BlockParameter.parseHash(hash);
        var pending = ledger.get(id);
        if (pending.isPresent()) {
            return RpcJson.transaction(pending.get(), null, 0);
        }
        return ledger.receipt(id).flatMap(receipt -> ledger.block(receipt.blockNumber())
                .map(block -> RpcJson.transaction(block.transactions().get(receipt.transactionIndex()), block.header(),
                        receipt.transactionIndex())))
                .orElse(null);
    }

    @RpcMethod("eth_getTransactionReceipt")
    public Map<String, Object> getTransactionReceipt(String hash) {
        return ledger.receipt(BlockParameter.parseHash(hash)).map(receipt -> {
            List<Receipt> all = ledger.receipts(receipt.blockNumber());
            return RpcJson.receipt(receipt, RpcJson.firstLogIndexes(all)[receipt.transactionIndex()]);
        }).orElse(null);
    }

    @RpcMethod("eth_getBlockByNumber")
    public Map<String, Object> getBlockByNumber(Object block, Boolean fullTransactions) {
        return ledger.block(BlockParameter.resolve(block, ledger)).map(b -> blockJson(b, fullTransactions)).orElse(null);
    }

    @RpcMethod("eth_getBlockByHash")
    public Map<String, Object> getBlockByHash(String hash, Boolean fullTransactions) {
        return ledger.block(BlockParameter.parseHash(hash)).map(b -> blockJson(b, fullTransactions)).orElse(null);
    }

    @RpcMethod("eth_getBlockTransactionCountByNumber")
    public String getBlockTransactionCountByNumber(Object block) {
        return ledger.block(BlockParameter.resolve(block, ledger)).map(b -> Quantities.of(b.transactions().size())).orElse(null);
    }

    @RpcMethod("eth_getBlockTransactionCountByHash")
    public String getBlockTransactionCountByHash(String hash) {
        return ledger.block(BlockParameter.parseHash(hash)).map(b -> Quantities.of(b.transactions().size())).orElse(null);
    }

    @RpcMethod("eth_getTransactionByBlockNumberAndIndex")
    public Map<String, Object> getTransactionByBlockNumberAndIndex(Object block, Object index) {
        return transactionAt(ledger.block(BlockParameter.resolve(block, ledger)).orElse(null), index);
    }

    @RpcMethod("eth_getTransactionByBlockHashAndIndex")
    public Map<String, Object> getTransactionByBlockHashAndIndex(String hash, Object index) {
        return transactionAt(ledger.block(BlockParameter.parseHash(hash)).orElse(null), index);
    }

    private static Map<String, Object> transactionAt(Block block, Object index) {
        long at = Quantities.parseLong(index, "index");
        if (block == null || at >= block.transactions().size()) {
            return null;
        }
        Transaction transaction = block.transactions().get((int) at);
        return RpcJson.transaction(transaction, block.header(), (int) at);
    }

    @RpcMethod("eth_getLogs")
    public List<Object> getLogs(Map<String, Object> filter) {
        return logs.find(filter == null ? Map.of() : filter);
    }

    /**
     * The proof of an account's state (our format, not Ethereum's trie): {@code accountProof}
     * holds one state-tree proof (see io.zgnode.statetree) of the account's stored value against
     * the head's {@code stateRoot}; {@code storageProof} is empty (native contracts keep keyed
     * state). A light client checks it with the statetree verifier.
     */
    @RpcMethod("eth_getProof")
    public Map<String, Object> getProof(String address, List<String> storageKeys, Object block) {
        Address account = address(address);
        BlockParameter.requireLatest(block, ledger);
        Ledger.AccountProof proof = ledger.accountProof(account);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", account.toString());
        json.put("balance", Quantities.of(proof.account().balance()));
        json.put("nonce", Quantities.of(proof.account().nonce()));
        json.put("codeHash", Quantities.data(Keccak256.hash(new byte[0])));
        json.put("storageHash", Hash.ZERO.toString());
        json.put("accountProof", List.of(Quantities.data(proof.proof())));
        json.put("storageProof", List.of());
        json.put("blockNumber", Quantities.of(proof.blockNumber()));
        json.put("stateRoot", proof.stateRoot().toString());
        return json;
    }

    private Map<String, Object> blockJson(Block block, Boolean fullTransactions) {
        return RpcJson.block(block, Boolean.TRUE.equals(fullTransactions), ledger.encodedSize(block));
    }

    private static Address address(String text) {
        try {
            return Address.of(text);
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(e.getMessage());
        }
    }
}
