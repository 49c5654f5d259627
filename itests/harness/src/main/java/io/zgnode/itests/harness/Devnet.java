package io.zgnode.itests.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A devnet started with {@code zgnode devnet} in the background, as a test or a benchmark uses
 * it: its nodes as {@code devnet.json} lists them, killing and restarting one, and stopping
 * every node on {@link #close()}, even when the test failed.
 */
public final class Devnet implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A node of the devnet, as devnet.json describes it. */
    public record Node(String name, RpcEndpoint rpc, Path data, int rpcPort, int p2pPort, long pid) {
    }

    private final Path directory;
    private final NodeProcess supervisor;
    private final JsonNode description;
    private final List<Node> nodes;

    private Devnet(Path directory, NodeProcess supervisor, JsonNode description) {
        this.directory = directory;
        this.supervisor = supervisor;
        this.description = description;
        this.nodes = new ArrayList<>();
        for (JsonNode node : description.get("nodes")) {
            String rpc = node.get("rpc").asText();
            nodes.add(new Node(node.get("name").asText(), new RpcEndpoint(rpc), Path.of(node.get("dataDir").asText()),
                    Integer.parseInt(rpc.substring(rpc.lastIndexOf(':') + 1).replace("/", "")), Integer.parseInt(node.get("p2p").asText().split(":")[1]),
                    node.get("pid").asLong()));
        }
    }

    /**
     * Starts {@code nodes} nodes in {@code workDir}/devnet on free ports with {@code options}
     * (e.g. {@code --features}, {@code --set}) and waits for devnet.json.
     */
    public static Devnet start(Path workDir, int nodes, String... options) throws IOException, InterruptedException {
        Path directory = workDir.resolve("devnet");
        List<String> args = new ArrayList<>(List.of("devnet", "--nodes", Integer.toString(nodes), "--dir", directory.toString(),
                "--rpc-port", Integer.toString(NodeProcess.freePortRange(nodes)), "--p2p-port", Integer.toString(NodeProcess.freePortRange(nodes))));
        args.addAll(List.of(options));
        NodeProcess supervisor = NodeProcess.start(workDir.resolve("devnet.txt"), args.toArray(String[]::new));
        Path file = directory.resolve("devnet.json");
        long deadline = System.nanoTime() + START.toNanos();
        try {
            while (!Files.exists(file)) {
                if (!supervisor.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the devnet did not start:\n" + supervisor.output());
                }
                Thread.sleep(200);
            }
            return new Devnet(directory, supervisor, JSON.readTree(file.toFile()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(directory, supervisor);
            throw e;
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    /** devnet.json as written. */
    public JsonNode description() {
        return description;
    }

    public Path directory() {
        return directory;
    }

    /** Kills a node's JVM at once (SIGKILL), as a crash would. */
    public void kill(Node node) throws Exception {
        long pid = Long.parseLong(Files.readString(node.data().resolve("node.pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get();
    }

    /** Restarts a stopped node as it was ({@code zgnode start --data}); {@link #close()} stops it too once detached. */
    public NodeProcess restart(Node node, String... extra) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("start", "--data", node.data().toString(), "--nointeractive"));
        args.addAll(List.of(extra));
        NodeProcess process = NodeProcess.start(directory.resolveSibling(node.name() + "-restart-" + System.nanoTime() + ".txt"), args.toArray(String[]::new));
        process.awaitRpc(node.rpcPort(), START);
        return process;
    }

    /** Stops every node of the devnet, those restarted by hand included. */
    @Override
    public void close() throws IOException, InterruptedException {
        stop(directory, supervisor);
    }

    private static void stop(Path directory, NodeProcess supervisor) throws IOException, InterruptedException {
        try {
            NodeProcess.run(Duration.ofSeconds(90), "devnet", "--dir", directory.toString(), "--stop");
        } finally {
            try {
                supervisor.awaitExit(Duration.ofSeconds(60));
            } finally {
                supervisor.close();
            }
        }
    }
}
