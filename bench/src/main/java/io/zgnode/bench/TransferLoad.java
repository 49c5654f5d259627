package io.zgnode.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.Hex;
import io.zgnode.itests.harness.RpcEndpoint;

/**
 * Load of pre-signed transactions: sent with eth_sendRawTransaction in JSON-RPC batches over
 * keep-alive connections (spread over the given nodes), and followed block by block on one node
 * until every transaction is committed. Reports throughput and commit latency.
 */
final class TransferLoad {

    private final List<Integer> ports;
    private final int connections;
    private final int batch;
    private final double offeredPerSecond;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicInteger rejected = new AtomicInteger();
    private final List<Double> blockSizes = new ArrayList<>();
    private final List<Double> blockIntervals = new ArrayList<>();
    private long started;
    private long lastSent;

    /** A load sent as fast as the nodes answer. */
    TransferLoad(List<Integer> ports, int connections, int batch) {
        this(ports, connections, batch, 0);
    }

    /** A load paced at {@code offeredPerSecond} transfers/s (0: as fast as the nodes answer). */
    TransferLoad(List<Integer> ports, int connections, int batch, double offeredPerSecond) {
        this.ports = ports;
        this.connections = connections;
        this.batch = batch;
        this.offeredPerSecond = offeredPerSecond;
    }

    /** The result of a run. */
    record Result(int sent, int rejected, int committed, double sendSeconds, double seconds, Stats latencyMillis, Stats blockSizes,
            Stats blockIntervalMillis) {

        double perSecond() {
            return committed / seconds;
        }

        void print(String what) {
            System.out.printf("sent %d transfers in %.1f s (%.0f/s offered), %d rejected%n", sent, sendSeconds, sent / sendSeconds, rejected);
            System.out.printf("%s: committed %d transfers in %.1f s: %.0f transfers/s sustained%n", what, committed, seconds, perSecond());
            System.out.printf("commit latency: p50 %.0f ms, p99 %.0f ms%n", latencyMillis.percentile(50), latencyMillis.percentile(99));
            System.out.printf("blocks: %d, transfers per block p50 %.0f, max %.0f; time between blocks p50 %.0f ms, p99 %.0f ms%n",
                    blockSizes.count(), blockSizes.percentile(50), blockSizes.percentile(100), blockIntervalMillis.percentile(50),
                    blockIntervalMillis.percentile(99));
        }
    }

    /** Sends everything and follows blocks on {@code observer} from {@code startBlock} on. */
    Result run(List<Transaction> transactions, RpcEndpoint observer, long startBlock) throws Exception {
        List<List<Transaction>> batches = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i += batch) {
            batches.add(transactions.subList(i, Math.min(transactions.size(), i + batch)));
        }
        AtomicInteger next = new AtomicInteger();
        started = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int port = ports.get(c % ports.size());
            Thread sender = new Thread(() -> send(port, batches, next));
            sender.start();
            senders.add(sender);
        }
        Map<String, Long> committed = observe(observer, startBlock, transactions.size());
        for (Thread sender : senders) {
            sender.join();
        }
        lastSent = Collections.max(sentAt.values());
        long lastCommit = committed.values().stream().mapToLong(Long::longValue).max().orElse(started);
        List<Double> latencies = new ArrayList<>();
        committed.forEach((hash, at) -> latencies.add((at - sentAt.get(hash)) / 1e6));
        return new Result(sentAt.size(), rejected.get(), committed.size(), (lastSent - started) / 1e9, (lastCommit - started) / 1e9,
                new Stats(latencies), new Stats(blockSizes), new Stats(blockIntervals));
    }

    private void send(int port, List<List<Transaction>> batches, AtomicInteger next) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                List<Transaction> transactions = batches.get(b);
                awaitTurn(b);
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < transactions.size(); i++) {
                    body.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
                            .append(",\"method\":\"eth_sendRawTransaction\",\"params\":[\"").append(Hex.encode(transactions.get(i).raw())).append("\"]}");
                }
                body.append(']');
                long now = System.nanoTime();
                for (Transaction transaction : transactions) {
                    sentAt.put(transaction.hash().toString(), now);
                }
                RawHttp.send(out, port, body.toString().getBytes(StandardCharsets.US_ASCII));
                String response = new String(RawHttp.readResponse(in), StandardCharsets.US_ASCII);
                for (int at = response.indexOf("\"error\""); at >= 0; at = response.indexOf("\"error\"", at + 1)) {
                    rejected.incrementAndGet();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** With pacing, batch {@code b} leaves no earlier than its place in the schedule. */
    private void awaitTurn(int b) {
        if (offeredPerSecond <= 0) {
            return;
        }
        long due = started + (long) (b * (double) batch * 1e9 / offeredPerSecond);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Follows new blocks; returns when every transaction is committed or nothing moved for 20 s. */
    private Map<String, Long> observe(RpcEndpoint node, long startBlock, int expected) throws Exception {
        Map<String, Long> committed = new HashMap<>();
        long next = startBlock + 1;
        long lastProgress = System.nanoTime();
        while (committed.size() < expected && System.nanoTime() - lastProgress < 20_000_000_000L) {
            JsonNode block = node.result("eth_getBlockByNumber", "0x" + Long.toHexString(next), false);
            if (block == null || block.isNull()) {
                Thread.sleep(10);
                continue;
            }
            long seen = System.nanoTime();
            for (JsonNode hash : block.get("transactions")) {
                committed.put(hash.asText(), seen);
            }
            if (!committed.isEmpty()) {
                blockSizes.add((double) block.get("transactions").size());
                if (blockSizes.size() > 1) {
                    blockIntervals.add((seen - lastProgress) / 1e6);
                }
            }
            next++;
            lastProgress = seen;
        }
        committed.keySet().retainAll(sentAt.keySet());
        return committed;
    }
}
