package io.zgnode.runtime.devnet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.feature.catalog.FeatureSpec;
import io.zgnode.runtime.Distribution;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.Json;
import io.zgnode.ledger.genesis.DevGenesis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zgnode devnet}: N node processes on loopback, every one a validator of a fresh chain (the
 * development accounts funded), each running every node role by default. Runs in the foreground
 * until Ctrl-C (or SIGTERM, or {@code --stop} from another shell) stops every node cleanly.
 */
@Command(name = "devnet", mixinStandardHelpOptions = true, versionProvider = io.zgnode.runtime.cli.Version.class,
        description = "Run a local network of N validator nodes on loopback; devnet.json in DIR tells where each one is.")
public final class DevnetCommand implements Callable<Integer> {

    private static final Duration READY = Duration.ofSeconds(180);
    private static final Duration STOP = Duration.ofSeconds(30);

    @Option(names = "--nodes", paramLabel = "N", description = "number of nodes (default 4)")
    int nodes = 4;

    @Option(names = "--dir", paramLabel = "DIR", required = true, description = "the devnet's folder: genesis, keys, node data, devnet.json")
    Path directory;

    @Option(names = "--features", paramLabel = "NAME[,NAME...]", split = ",", description = "features of every node (default: every node role of the distribution)")
    List<String> features;

    @Option(names = "--chain-id", paramLabel = "ID", description = "chain id of a new devnet (default 31337)")
    long chainId = DevGenesis.DEFAULT_CHAIN_ID;

    @Option(names = "--rpc-port", paramLabel = "PORT", description = "JSON-RPC port of node1; node i gets PORT+i-1 (default 8545)")
    int rpcPort = 8545;

    @Option(names = "--p2p-port", paramLabel = "PORT", description = "peer port of node1; node i gets PORT+i-1 (default 30303)")
    int p2pPort = 30303;

    @Option(names = "--node-heap", paramLabel = "SIZE", description = "heap of each node (default 1g)")
    String nodeHeap = "1g";

    @Option(names = "--set", paramLabel = "PID.KEY=VALUE", description = "a configuration value for every node (repeatable), e.g. io.zgnode.consensus.bft.commitMillis=200")
    List<String> settings = new ArrayList<>();

    @Option(names = "--shards", paramLabel = "N", description = "with the storage feature: shards of the flow (a power of two, default 2); node i keeps shard (i-1) mod N")
    int shards = 2;

    @Option(names = "--stop", description = "stop the devnet running in DIR (and any of its nodes restarted by hand)")
    boolean stop;

    @Override
    public Integer call() throws Exception {
        if (stop) {
            return DevnetStopper.stop(directory, STOP);
        }
        if (nodes < 1 || nodes > 64) {
            throw new UserError("--nodes must be 1 to 64");
        }
        if (shards < 1 || shards > nodes || Integer.bitCount(shards) != 1) {
            throw new UserError("--shards must be a power of two from 1 to the number of nodes, not " + shards);
        }
        Distribution distribution = Distribution.locate();
        List<String> roles = features != null ? features : defaultFeatures(distribution);
        distribution.bundlesFor(roles); // an unknown feature is one clear line, before anything starts
        DevnetPlan plan = DevnetPlan.prepare(directory, nodes, chainId, rpcPort, p2pPort);
        NodeProcesses processes = new NodeProcesses();
        Thread stopper = new Thread(() -> processes.stopAll(STOP), "zgnode-devnet-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        Files.writeString(plan.directory.resolve(DevnetStopper.SUPERVISOR_PID), Long.toString(ProcessHandle.current().pid()));
        int processorsEach = Math.max(1, Runtime.getRuntime().availableProcessors() / nodes);
        for (DevnetPlan.Node node : plan.nodes) {
            processes.start(node.name(), NodeJvm.command(distribution, nodeHeap, processorsEach, startArguments(plan, node, roles, nodeSettings(plan, node, roles))),
                    node.dataDir().resolve("node.out"));
        }
        Map<String, String> contracts = awaitReady(plan, processes);
        DevnetFile.write(plan, processes.pids(), roles, contracts);
        System.out.println("devnet of " + nodes + " nodes, chain " + plan.chainId + " (" + String.join(",", roles) + "), in " + plan.directory);
        for (DevnetPlan.Node node : plan.nodes) {
            System.out.printf("  %-6s rpc %s  p2p %s  validator %s%n", node.name(), node.rpcUrl(), node.p2pAddress(), node.validatorAddress());
        }
        contracts.forEach((name, address) -> System.out.printf("  contract %s at %s%n", name, address));
        System.out.println("funded: the first " + DevGenesis.ACCOUNTS + " accounts of '" + DevGenesis.MNEMONIC + "'");
        System.out.println(plan.directory.resolve(DevnetFile.NAME) + " written; Ctrl-C stops every node");
        processes.awaitAllExited();
        return 0;
    }

    private static List<String> defaultFeatures(Distribution distribution) {
        return distribution.catalog().all().stream().filter(spec -> spec.categories().contains(FeatureSpec.DEVNET_CATEGORY))
                .map(FeatureSpec::name).toList();
    }

    /** The settings of one node: its storage shard and DA signer key, then what --set gives every node (which may override it). */
    private List<String> nodeSettings(DevnetPlan plan, DevnetPlan.Node node, List<String> roles) {
        List<String> all = new ArrayList<>();
        if (roles.contains("storage")) {
            all.add("io.zgnode.storage.shard=" + plan.nodes.indexOf(node) % shards + "/" + shards);
        }
        if (roles.contains("da")) {
            all.add("io.zgnode.da.signerKeyFile=" + node.dataDir().resolve(DevnetPlan.DA_SIGNER_KEY));
        }
        all.addAll(settings);
        return all;
    }

    private static List<String> startArguments(DevnetPlan plan, DevnetPlan.Node node, List<String> roles, List<String> settings) {
        List<String> arguments = new ArrayList<>(List.of("start", "--data", node.dataDir().toString(), "--features", String.join(",", roles),
                "--genesis", plan.directory.resolve(DevnetPlan.GENESIS).toString(), "--rpc-port", Integer.toString(node.rpcPort()),
                "--p2p-port", Integer.toString(node.p2pPort()), "--validator-key", node.dataDir().resolve(DevnetPlan.VALIDATOR_KEY).toString(),
                "--set", "io.zgnode.net.keyFile=" + node.dataDir().resolve(DevnetPlan.NODE_KEY), "--nointeractive"));
        for (String setting : settings) {
            arguments.add("--set");
            arguments.add(setting);
        }
        List<String> bootnodes = plan.bootnodes(node);
        if (!bootnodes.isEmpty()) {
            arguments.add("--bootnodes");
            arguments.add(String.join(",", bootnodes));
        }
        return arguments;
    }

    /** Waits until every node serves JSON-RPC and is connected to every other; returns the native contracts. */
    private Map<String, String> awaitReady(DevnetPlan plan, NodeProcesses processes) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY.toNanos();
        for (DevnetPlan.Node node : plan.nodes) {
            while (true) {
                processes.requireRunning(node.name());
                JsonNode peers = call(http, node.rpcUrl(), "net_peerCount");
                if (peers != null && Long.decode(peers.asText()) >= plan.nodes.size() - 1) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new UserError(node.name() + " is not serving and connected to every other node after " + READY.toSeconds()
                            + " s: see " + node.dataDir().resolve("node.out"));
                }
                Thread.sleep(250);
            }
        }
        Map<String, String> contracts = new TreeMap<>();
        JsonNode listed = call(http, plan.nodes.get(0).rpcUrl(), "zg_nativeContracts");
        if (listed != null) {
            listed.fields().forEachRemaining(entry -> contracts.put(entry.getKey(), entry.getValue().asText()));
        }
        return contracts;
    }

    private static JsonNode call(HttpClient http, String url, String method) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\"}")).build();
            JsonNode response = Json.MAPPER.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            return response.get("result");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
