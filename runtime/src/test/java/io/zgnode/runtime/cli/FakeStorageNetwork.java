package io.zgnode.runtime.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.Hex;
import io.zgnode.ethereum.AbiEvent;
import io.zgnode.ethereum.AbiFunction;
import io.zgnode.ethereum.TransactionDecoder;
import io.zgnode.runtime.cli.FakeNode.Answer;
import io.zgnode.runtime.cli.storage.Shard;
import io.zgnode.storage.merkle.FileLayout;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.FileTree;
import io.zgnode.storage.merkle.ProofVerifier;
import io.zgnode.storage.merkle.SegmentData;
import io.zgnode.storage.merkle.SegmentProof;
import io.zgnode.storage.merkle.SegmentWithProof;

/**
 * Storage nodes and the chain they follow, faked on loopback ports: enough of {@code eth_*},
 * {@code zgs_*} and {@code indexer_*} for the upload and download commands, written from 0G's
 * shapes (ZG-PROTOCOL.md) rather than from our client, with the check a real node makes of every
 * uploaded segment (its proof against the committed entry), and faults a test switches on.
 */
final class FakeStorageNetwork implements AutoCloseable {

    static final Address FLOW = Address.of("0x0000000000000000000000000000000000000f10");
    static final Address MARKET = Address.of("0x0000000000000000000000000000000000000f11");
    static final BigInteger PRICE_PER_SECTOR = BigInteger.valueOf(1000);
    /** Entries start after 3 flow segments, so a client that counts shards from the file's start rather than the flow's goes wrong. */
    static final long FIRST_SECTOR = 3 * FileLayout.SEGMENT_CHUNKS;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AbiFunction SUBMIT = AbiFunction.parse("submit(((uint256,bytes,(bytes32,uint256)[]),address))");
    private static final AbiFunction MARKET_OF = AbiFunction.parse("market()", "address");
    private static final AbiFunction PRICE_OF = AbiFunction.parse("pricePerSector()", "uint256");
    private static final AbiEvent SUBMIT_EVENT = AbiEvent.parse("Submit(address indexed sender, bytes32 indexed identity,"
            + " uint256 submissionIndex, uint256 startPos, uint256 length,"
            + " (uint256 length, bytes tags, (bytes32 root, uint256 height)[] nodes) submission)");

    /** A committed flow entry. */
    record Entry(long txSeq, Hash root, long size, long start) {
        long firstFlowSegment() {
            return start / FileLayout.SEGMENT_CHUNKS;
        }
    }

    /** One storage node: its shard, the segments it holds per txSeq, and its faults. */
    final class Node {
        final FakeNode server;
        final Shard shard;
        final Map<Long, Map<Integer, SegmentWithProof>> held = new ConcurrentHashMap<>();
        final List<Integer> uploaded = new CopyOnWriteArrayList<>();
        /** Sends segments with one data byte flipped (the proof then does not verify). */
        volatile boolean tamper;
        /** Sees no flow entry at all (a node that does not follow the chain). */
        volatile boolean blind;
        /** Serves the indexer_* methods (a node without them answers "method not found"). */
        volatile boolean indexer = true;

        Node(Shard shard) throws IOException {
            this.server = new FakeNode();
            this.shard = shard;
        }

        String url() {
            return server.url();
        }

        boolean finalized(Entry entry) {
            Map<Integer, SegmentWithProof> segments = held.getOrDefault(entry.txSeq(), Map.of());
            return segments.size() == shardSegments(entry).size();
        }

        List<Integer> shardSegments(Entry entry) {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < new FileLayout(entry.size()).segments(); i++) {
                if (shard.holds(entry.firstFlowSegment() + i)) {
                    mine.add(i);
                }
            }
            return mine;
        }

        /** Holds its shard of {@code file}, whose entry is {@code entry}, as if uploaded earlier. */
        void hold(Entry entry, byte[] file) {
            FileTree tree = FileMerkle.sequential().of(file);
            for (int index : shardSegments(entry)) {
                held.computeIfAbsent(entry.txSeq(), seq -> new ConcurrentHashMap<>()).put(index, tree.segment(index, SegmentData.of(file, index)));
            }
        }
    }

    final List<Node> nodes = new ArrayList<>();
    final List<Entry> entries = new CopyOnWriteArrayList<>();
    final List<Transaction> sent = new CopyOnWriteArrayList<>();
    private final Map<Hash, Map<String, Object>> receipts = new ConcurrentHashMap<>();
    /** Transactions that are included revert, as if the fee were short. */
    volatile boolean revertIncluded;

    /** Nodes with these shards ("0/2", "1/2", ...); the first is the one a test gives as --rpc. */
    FakeStorageNetwork(String... shards) throws IOException {
        for (String shard : shards) {
            String[] parts = shard.split("/");
            Node node = new Node(new Shard(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            nodes.add(node);
            serve(node);
        }
    }

    Node node(int i) {
        return nodes.get(i);
    }

    String url() {
        return nodes.get(0).url();
    }

    /** Commits an entry for {@code file} as an earlier submission would have. */
    Entry commit(byte[] file) {
        FileTree tree = FileMerkle.sequential().of(file);
        return commit(tree.root(), file.length, tree.layout().paddedChunks());
    }

    private synchronized Entry commit(Hash root, long size, long sectors) {
        long start = FIRST_SECTOR;
        for (Entry entry : entries) {
            long end = entry.start() + new FileLayout(entry.size()).paddedChunks();
            start = Math.max(start, (end + FileLayout.SEGMENT_CHUNKS - 1) / FileLayout.SEGMENT_CHUNKS * FileLayout.SEGMENT_CHUNKS);
        }
        Entry entry = new Entry(entries.size(), root, size, start);
        entries.add(entry);
        return entry;
    }

    @Override
    public void close() {
        nodes.forEach(node -> node.server.close());
    }

    private void serve(Node node) {
        FakeNode server = node.server;
        answer(server, "zgs_getStatus", params -> Map.of("connectedPeers", 0, "logSyncHeight", 1, "nextTxSeq", entries.size(),
                "networkIdentity", Map.of("chainId", 31337, "flowAddress", FLOW.toString())));
        answer(server, "zgs_getShardConfig", params -> Map.of("shardId", node.shard.shardId(), "numShard", node.shard.numShard()));
        answer(server, "zgs_getFileInfo", params -> byRoot(node, Hash.of(params.get(0).asText())).map(entry -> info(node, entry)).orElse(null));
        answer(server, "zgs_getFileInfoByTxSeq", params -> visible(node).stream().filter(entry -> entry.txSeq() == params.get(0).asLong())
                .findFirst().map(entry -> info(node, entry)).orElse(null));
        server.on("zgs_uploadSegmentsByTxSeq", request -> upload(node, request));
        answer(server, "zgs_downloadSegmentWithProof", params -> byRoot(node, Hash.of(params.get(0).asText()))
                .map(entry -> node.held.getOrDefault(entry.txSeq(), Map.of()).get(params.get(1).asInt())).map(segment -> segmentJson(node, segment))
                .orElse(null));
        indexer(node, "indexer_getShardedNodes", params -> Map.of("trusted", nodes.stream().map(FakeStorageNetwork::sharded).toList(),
                "discovered", List.of()));
        indexer(node, "indexer_getFileLocations", params -> nodes.stream()
                .filter(holder -> byRoot(holder, Hash.of(params.get(0).asText())).filter(holder::finalized).isPresent())
                .map(FakeStorageNetwork::sharded).toList());

        answer(server, "eth_chainId", params -> "0x7a69");
        answer(server, "eth_getTransactionCount", params -> "0x" + Integer.toHexString(sent.size()));
        answer(server, "eth_maxPriorityFeePerGas", params -> "0x3b9aca00");
        answer(server, "eth_gasPrice", params -> "0x77359400");
        server.on("eth_estimateGas", request -> {
            JsonNode call = request.get("params").get(0);
            BigInteger value = new BigInteger(call.get("value").asText().substring(2), 16);
            BigInteger fee = fee(SUBMIT.decodeCall(Hex.decode(call.get("data").asText())));
            return value.compareTo(fee) < 0 ? revert(request, "Not enough fee") : Answer.result(request.get("id"), "\"0x30000\"");
        });
        server.on("eth_call", request -> ethCall(request));
        server.on("eth_sendRawTransaction", request -> sendRaw(request));
        answer(server, "eth_getTransactionReceipt", params -> receipts.get(Hash.of(params.get(0).asText())));
    }

    private Optional<Entry> byRoot(Node node, Hash root) {
        return visible(node).stream().filter(entry -> entry.root().equals(root)).findFirst();
    }

    private List<Entry> visible(Node node) {
        return node.blind ? List.of() : entries;
    }

    private Map<String, Object> info(Node node, Entry entry) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("streamIds", List.of());
        tx.put("data", List.of());
        tx.put("dataMerkleRoot", entry.root().toString());
        tx.put("merkleNodes", List.of());
        tx.put("startEntryIndex", entry.start());
        tx.put("size", entry.size());
        tx.put("seq", entry.txSeq());
        return Map.of("tx", tx, "finalized", node.finalized(entry), "isCached", false,
                "uploadedSegNum", node.held.getOrDefault(entry.txSeq(), Map.of()).size(), "pruned", false);
    }

    private static Map<String, Object> sharded(Node node) {
        return Map.of("url", node.url(), "config", Map.of("shardId", node.shard.shardId(), "numShard", node.shard.numShard()), "latency", 0, "since", 0);
    }

    /** As a real node: every segment checked against the committed entry before any is kept. */
    private Answer upload(Node node, JsonNode request) {
        JsonNode params = request.get("params");
        long txSeq = params.get(1).asLong();
        Optional<Entry> entry = visible(node).stream().filter(e -> e.txSeq() == txSeq).findFirst();
        if (entry.isEmpty()) {
            return Answer.error(request.get("id"), -32602, "no flow entry " + txSeq);
        }
        List<SegmentWithProof> segments = new ArrayList<>();
        for (JsonNode json : params.get(0)) {
            List<Hash> lemma = new ArrayList<>();
            json.get("proof").get("lemma").forEach(hash -> lemma.add(Hash.of(hash.asText())));
            List<Boolean> path = new ArrayList<>();
            json.get("proof").get("path").forEach(step -> path.add(step.asBoolean()));
            SegmentWithProof segment = new SegmentWithProof(Hash.of(json.get("root").asText()), Base64.getDecoder().decode(json.get("data").asText()),
                    json.get("index").asInt(), new SegmentProof(lemma, path), json.get("fileSize").asLong());
            Optional<String> invalid = ProofVerifier.check(segment.data(), segment.index(), segment.proof(), entry.get().root(), entry.get().size());
            if (invalid.isPresent() || segment.fileSize() != entry.get().size()) {
                return Answer.error(request.get("id"), -32602, "segment " + segment.index() + " rejected: " + invalid.orElse("wrong file size"));
            }
            segments.add(segment);
        }
        for (SegmentWithProof segment : segments) {
            node.uploaded.add(segment.index());
            if (node.shard.holds(entry.get().firstFlowSegment() + segment.index())) {
                node.held.computeIfAbsent(txSeq, seq -> new ConcurrentHashMap<>()).put(segment.index(), segment);
            }
        }
        return Answer.result(request.get("id"), "null");
    }

    private static Map<String, Object> segmentJson(Node node, SegmentWithProof segment) {
        byte[] data = segment.data();
        if (node.tamper) {
            data[0] ^= 1;
        }
        return Map.of("root", segment.root().toString(), "data", Base64.getEncoder().encodeToString(data), "index", segment.index(),
                "proof", Map.of("lemma", segment.proof().lemma().stream().map(Hash::toString).toList(), "path", segment.proof().path()),
                "fileSize", segment.fileSize());
    }

    private Answer ethCall(JsonNode request) {
        JsonNode call = request.get("params").get(0);
        byte[] data = Hex.decode(call.get("data").asText());
        Address to = Address.of(call.get("to").asText());
        if (to.equals(FLOW) && AbiFunction.selectorOf(data) == MARKET_OF.selectorAsInt()) {
            return Answer.result(request.get("id"), quote(Hex.encode(MARKET_OF.encodeResult(List.of(MARKET)))));
        }
        if (to.equals(MARKET) && AbiFunction.selectorOf(data) == PRICE_OF.selectorAsInt()) {
            return Answer.result(request.get("id"), quote(Hex.encode(PRICE_OF.encodeResult(List.of(PRICE_PER_SECTOR)))));
        }
        if (to.equals(FLOW) && AbiFunction.selectorOf(data) == SUBMIT.selectorAsInt()) {
            return revert(request, "Not enough fee");
        }
        return Answer.result(request.get("id"), "\"0x\"");
    }

    /** Includes the transaction at once: a Flow.submit paying enough makes an entry and a Submit log, as 0G's contract does. */
    private Answer sendRaw(JsonNode request) {
        Transaction transaction;
        try {
            transaction = TransactionDecoder.decode(Hex.decode(request.get("params").get(0).asText()));
        } catch (Exception e) {
            return Answer.error(request.get("id"), -32000, "invalid transaction: " + e.getMessage());
        }
        sent.add(transaction);
        List<Object> arguments = SUBMIT.decodeCall(transaction.input());
        boolean paid = transaction.value().compareTo(fee(arguments)) >= 0;
        List<Map<String, Object>> logs = new ArrayList<>();
        if (paid && !revertIncluded && transaction.to().equals(FLOW)) {
            List<?> data = (List<?>) ((List<?>) arguments.get(0)).get(0);
            Hash root = submissionRoot((List<?>) data.get(2));
            Entry entry = commit(root, ((BigInteger) data.get(0)).longValueExact(), sectors(arguments).longValueExact());
            Log log = SUBMIT_EVENT.encode(FLOW, List.of(transaction.from(), new byte[32], BigInteger.valueOf(entry.txSeq()),
                    BigInteger.valueOf(entry.start()), sectors(arguments), data));
            logs.add(Map.of("address", log.address().toString(), "topics", log.topics().stream().map(Hash::toString).toList(), "data",
                    Hex.encode(log.data()), "logIndex", "0x0"));
        }
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("transactionHash", transaction.hash().toString());
        receipt.put("blockNumber", "0x" + Integer.toHexString(sent.size() + 1));
        receipt.put("status", logs.isEmpty() ? "0x0" : "0x1");
        receipt.put("logs", logs);
        receipts.put(transaction.hash(), receipt);
        return Answer.result(request.get("id"), quote(transaction.hash().toString()));
    }

    /** The file root of a submission: descending subtrees joined from the right. */
    private static Hash submissionRoot(List<?> nodes) {
        byte[] root = (byte[]) ((List<?>) nodes.get(nodes.size() - 1)).get(0);
        for (int i = nodes.size() - 2; i >= 0; i--) {
            root = io.zgnode.crypto.Keccak256.hash((byte[]) ((List<?>) nodes.get(i)).get(0), root);
        }
        return Hash.of(root);
    }

    private static BigInteger sectors(List<Object> submitArguments) {
        List<?> nodes = (List<?>) ((List<?>) ((List<?>) submitArguments.get(0)).get(0)).get(2);
        BigInteger sectors = BigInteger.ZERO;
        for (Object node : nodes) {
            sectors = sectors.add(BigInteger.ONE.shiftLeft(((BigInteger) ((List<?>) node).get(1)).intValueExact()));
        }
        return sectors;
    }

    private static BigInteger fee(List<Object> submitArguments) {
        return sectors(submitArguments).multiply(PRICE_PER_SECTOR);
    }

    private static Answer revert(JsonNode request, String reason) {
        return Answer.error(request.get("id"), 3, "execution reverted: " + reason);
    }

    private static void indexer(Node node, String method, Function<JsonNode, Object> result) {
        node.server.on(method, request -> node.indexer ? Answer.result(request.get("id"), json(result.apply(request.get("params"))))
                : Answer.error(request.get("id"), -32601, "the method " + method + " does not exist"));
    }

    private static void answer(FakeNode server, String method, Function<JsonNode, Object> result) {
        server.on(method, request -> Answer.result(request.get("id"), json(result.apply(request.get("params")))));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
