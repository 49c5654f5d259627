package io.zgnode.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.zgnode.api.chain.Transaction;
import io.zgnode.itests.harness.NodeProcess;
import io.zgnode.itests.harness.RpcEndpoint;
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

            TransferLoad.Result result = new TransferLoad(List.of(port), CONNECTIONS, BATCH)
                    .run(transactions, new RpcEndpoint("http://127.0.0.1:" + port + "/"), startBlock);
            result.print("solo chain, blocks every " + BLOCK_MILLIS + " ms");
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
}
