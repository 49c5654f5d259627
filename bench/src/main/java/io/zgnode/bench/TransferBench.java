package io.zgnode.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.Hex;
import io.zgnode.itests.harness.NodeProcess;
import io.zgnode.ledger.genesis.DevGenesis;

/**
 * Value transfers end to end into a solo chain: signed beforehand by this client process, sent
 * with eth_sendRawTransaction (JSON-RPC batches on 2 keep-alive connections), recovered,
 * pooled, executed and committed by the node. Reports sustained transfers/s and the commit
 * latency (send to the block that includes it being served) p50/p99.
 */
public final class TransferBench {

    private static final int ACCOUNTS = 500;
    private static final int PER_ACCOUNT = 120;
    private static final int BATCH = 250;
    private static final int CONNECTIONS = 2;
    private static final long BLOCK_MILLIS = 500;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("zgnode-transfers");
        BenchAccounts accounts = new BenchAccounts(ACCOUNTS);
        Path genesis = dir.resolve("genesis.json");
        Files.writeString(genesis, DevGenesis.json(accounts.genesis()));
        System.out.printf("signing %d transfers from %d accounts...%n", ACCOUNTS * PER_ACCOUNT, ACCOUNTS);
        List<Transaction> transactions = signInParallel(accounts);

        int port = NodeProcess.freePort();
        try (NodeProcess node = NodeProcess.start(dir.resolve("node.txt"), "start", "--features", "core,validator", "--genesis", genesis.toString(),
                "--data", dir.resolve("node").toString(), "--rpc-port", Integer.toString(port),
                "--set", "io.zgnode.consensus.solo.intervalMillis=" + BLOCK_MILLIS, "--nointeractive")) {
            node.awaitRpc(port, Duration.ofSeconds(90));
            node.awaitMethod("eth_blockNumber", Duration.ofSeconds(90));
            long startBlock = Long.decode(node.call("eth_blockNumber").get("result").asText());

            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            AtomicInteger rejected = new AtomicInteger();
            List<List<Transaction>> batches = new ArrayList<>();
            for (int i = 0; i < transactions.size(); i += BATCH) {
                batches.add(transactions.subList(i, Math.min(transactions.size(), i + BATCH)));
            }
            AtomicInteger nextBatch = new AtomicInteger();
            long started = System.nanoTime();
            List<Thread> senders = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                Thread sender = new Thread(() -> send(port, batches, nextBatch, sentAt, rejected));
                sender.start();
                senders.add(sender);
            }
            Map<String, Long> committedAt = observe(node, startBlock, transactions.size(), sentAt);
            for (Thread sender : senders) {
                sender.join();
            }
            long sendNanos = Collections.max(sentAt.values()) - started;
            long lastCommit = committedAt.values().stream().mapToLong(Long::longValue).max().orElse(started);
            List<Double> latencies = new ArrayList<>();
            committedAt.forEach((hash, at) -> latencies.add((at - sentAt.get(hash)) / 1e6));
            Stats stats = new Stats(latencies);
            double seconds = (lastCommit - started) / 1e9;
            System.out.printf("sent %d transfers in %.1f s (%.0f/s offered), %d rejected%n", sentAt.size(), sendNanos / 1e9,
                    sentAt.size() / (sendNanos / 1e9), rejected.get());
            System.out.printf("committed %d transfers in %.1f s: %.0f transfers/s sustained (blocks every %d ms)%n", committedAt.size(), seconds,
                    committedAt.size() / seconds, BLOCK_MILLIS);
            System.out.printf("commit latency: p50 %.0f ms, p99 %.0f ms%n", stats.percentile(50), stats.percentile(99));
            node.stop(Duration.ofSeconds(30));
        }
    }

    private static List<Transaction> signInParallel(BenchAccounts accounts) {
        int threads = Runtime.getRuntime().availableProcessors();
        List<List<Transaction>> parts = IntStream.range(0, threads).parallel().mapToObj(t -> {
            BenchAccounts part = new BenchAccounts(0);
            for (int i = t; i < accounts.keys.size(); i += threads) {
                part.keys.add(accounts.keys.get(i));
            }
            return part.transfers(PER_ACCOUNT);
        }).toList();
        // interleave so that every batch holds many senders and low nonces come first
        List<Transaction> all = new ArrayList<>();
        for (int nonce = 0; nonce < PER_ACCOUNT; nonce++) {
            for (List<Transaction> part : parts) {
                int senders = part.size() / PER_ACCOUNT;
                all.addAll(part.subList(nonce * senders, (nonce + 1) * senders));
            }
        }
        return all;
    }

    private static void send(int port, List<List<Transaction>> batches, AtomicInteger next, Map<String, Long> sentAt, AtomicInteger rejected) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                List<Transaction> batch = batches.get(b);
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < batch.size(); i++) {
                    body.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
                            .append(",\"method\":\"eth_sendRawTransaction\",\"params\":[\"").append(Hex.encode(batch.get(i).raw())).append("\"]}");
                }
                body.append(']');
                byte[] json = body.toString().getBytes(StandardCharsets.US_ASCII);
                long now = System.nanoTime();
                for (Transaction transaction : batch) {
                    sentAt.put(transaction.hash().toString(), now);
                }
                RawHttp.send(out, port, json);
                String response = new String(RawHttp.readResponse(in), StandardCharsets.US_ASCII);
                int errors = count(response, "\"error\"");
                rejected.addAndGet(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Watches new blocks; returns when every sent transaction is committed or no progress for 20 s. */
    private static Map<String, Long> observe(NodeProcess node, long startBlock, int expected, Map<String, Long> sentAt) throws Exception {
        Map<String, Long> committed = new HashMap<>();
        long next = startBlock + 1;
        long lastProgress = System.nanoTime();
        while (committed.size() < expected && System.nanoTime() - lastProgress < 20_000_000_000L) {
            JsonNode block = node.call("eth_getBlockByNumber", "0x" + Long.toHexString(next), false).get("result");
            if (block == null || block.isNull()) {
                Thread.sleep(10);
                continue;
            }
            long seen = System.nanoTime();
            for (JsonNode hash : block.get("transactions")) {
                committed.put(hash.asText(), seen);
            }
            next++;
            lastProgress = seen;
        }
        committed.keySet().retainAll(sentAt.keySet());
        return committed;
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

}
