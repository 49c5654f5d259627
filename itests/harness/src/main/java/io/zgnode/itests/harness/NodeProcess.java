package io.zgnode.itests.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A node started with the root {@code ./zgnode} script, as an operator starts it. Its output goes
 * to a file in the test's folder. Every process started is killed when the test JVM exits, even
 * if a test forgets to or fails before it can.
 */
public final class NodeProcess implements AutoCloseable {

    public static final Path ROOT = Path.of(System.getProperty("zgnode.root", "../..")).toAbsolutePath().normalize();
    public static final Path DIST = Path.of(System.getProperty("zgnode.dist", ROOT.resolve("runtime/target/zgnode").toString()));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicLong IDS = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private final Process process;
    private final Path output;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile URI rpc;
    private volatile boolean detached;

    private NodeProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
        LIVE.add(process);
    }

    /** Runs {@code ./zgnode ARGS} with stdin as a pipe the test can write to. */
    public static NodeProcess start(Path outputFile, String... args) throws IOException {
        List<String> command = command(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(outputFile.toFile());
        return new NodeProcess(builder.start(), outputFile);
    }

    /** Runs a short command ({@code ./zgnode features}, a start that must fail) to its end. */
    public static Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = command(args);
        Path out = Files.createTempFile("zgnode-out", ".txt");
        Path err = Files.createTempFile("zgnode-err", ".txt");
        Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        LIVE.add(process);
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("zgnode " + String.join(" ", args) + " did not end within " + timeout);
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.destroyForcibly();
            LIVE.remove(process);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    /**
     * {@code ./zgnode ARGS} with a test-sized heap. The first start of a data directory that names
     * no peer port gets a free one (the node remembers it), so tests do not depend on 30303 being
     * free on the machine.
     */
    private static List<String> command(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("zgnode").toString());
        command.addAll(List.of(args));
        int data = command.indexOf("--data");
        if (args.length > 0 && args[0].equals("start") && !command.contains("--p2p-port") && data > 0 && data + 1 < command.size()
                && !Files.exists(Path.of(command.get(data + 1)).resolve("node.json"))) {
            command.add("--p2p-port");
            command.add(Integer.toString(freePort()));
        }
        command.add("--heap");
        command.add("256m");
        return command;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The first of {@code count} consecutive ports that are free now, in a range of its own. */
    public static int freePortRange(int count) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000);
            if (rangeFree(base, count)) {
                return base;
            }
        }
        throw new IOException("no " + count + " consecutive free ports found");
    }

    private static boolean rangeFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    /**
     * Leaves the process running when this object is closed: for a node that a later step of
     * the test (or a devnet --stop) stops. The process is still killed when the test JVM exits.
     */
    public void detach() {
        detached = true;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the node printed so far. */
    public String output() throws IOException {
        return Files.readString(output);
    }

    /** Writes a line to the node's console (stdin). */
    public void console(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Closes the console's input: the node shuts down. */
    public void endConsole() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits until the node answers {@code GET /health} on {@code port}. */
    public NodeProcess awaitRpc(int port, Duration timeout) throws IOException, InterruptedException {
        return awaitRpc(port, timeout, Duration.ofMillis(100));
    }

    /** Waits until the node answers {@code GET /health}, asking every {@code interval}. */
    public NodeProcess awaitRpc(int port, Duration timeout, Duration interval) throws IOException, InterruptedException {
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    rpc = URI.create("http://127.0.0.1:" + port + "/");
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(interval.toMillis());
        }
        throw new AssertionError("node did not serve RPC on port " + port + " within " + timeout + ":\n" + output());
    }

    /** A JSON-RPC call; returns the whole response object. */
    public JsonNode call(String method, Object... params) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", IDS.incrementAndGet(), "method", method, "params", List.of(params)));
        return JSON.readTree(post(body).body());
    }

    public HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(rpc).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(rpc.resolve(path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until {@code method} is served (or the timeout passes). */
    public void awaitMethod(String method, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode response = call(method);
            if (!response.has("error") || response.get("error").get("code").asInt() != -32601) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(method + " not served within " + timeout + ":\n" + output());
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    public int stop(Duration timeout) throws InterruptedException, IOException {
        process.destroy();
        return awaitExit(timeout);
    }

    public int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("node did not stop within " + timeout + ":\n" + output());
        }
        LIVE.remove(process);
        return process.exitValue();
    }

    @Override
    public void close() {
        if (detached) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(process);
    }
}
