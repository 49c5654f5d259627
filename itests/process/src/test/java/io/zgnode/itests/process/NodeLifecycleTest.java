package io.zgnode.itests.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.itests.harness.NodeProcess;

/** A core node started, used and stopped the way an operator does it. */
class NodeLifecycleTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aDaemonServesRpcHealthAndMetricsAndStopsOnSigterm() throws Exception {
        int port = NodeProcess.freePort();
        Path data = dir.resolve("node");
        try (NodeProcess node = NodeProcess.start(dir.resolve("out.txt"), "start", "--features", "core", "--data", data.toString(),
                "--rpc-port", Integer.toString(port), "--nointeractive")) {
            node.awaitRpc(port, START);
            JsonNode modules = node.call("rpc_modules").get("result");
            assertThat(modules.has("rpc")).as("rpc_modules lists itself: %s", modules).isTrue();
            String metrics = node.get("/metrics").body();
            assertThat(metrics).contains("zgnode_uptime_seconds").contains("zgnode_bundles{state=\"active\"}")
                    .contains("zgnode_rpc_requests_total");
            assertThat(node.stop(STOP)).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(node.output()).doesNotContain("Exception");
        }
        assertThat(Files.readString(data.resolve("node.json"))).contains("\"core\"");
    }

    @Test
    void thePipedConsoleRunsCommandsAndEndOfInputStopsTheNode() throws Exception {
        int port = NodeProcess.freePort();
        try (NodeProcess node = NodeProcess.start(dir.resolve("out.txt"), "start", "--data", dir.resolve("node").toString(),
                "--rpc-port", Integer.toString(port))) {
            node.awaitRpc(port, START);
            node.console("node:status");
            node.console("feature:list");
            node.console("lb -s io.zgnode.rpc");
            node.console("chain:status");
            node.console("chain:block 0");
            node.console("chain:balance 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
            node.endConsole();
            assertThat(node.awaitExit(STOP)).isZero();
            String output = node.output();
            assertThat(output).contains("version").contains("zgnode ").contains("http://127.0.0.1:" + port);
            assertThat(output).contains("* core").contains("  example");
            assertThat(output).contains("io.zgnode.rpc");
            assertThat(output).contains("chain id   31337").contains("number     0").contains("10000 (10000000000000000000000 wei), nonce 0");
            assertThat(output).doesNotContain("not active:");
        }
    }

    @Test
    void theRemoteConsoleIsOffByDefaultAndServesTheShellOnLoopbackWhenConfigured() throws Exception {
        int port = NodeProcess.freePort();
        int telnet = NodeProcess.freePort();
        Path data = dir.resolve("node");
        try (NodeProcess node = NodeProcess.start(dir.resolve("out1.txt"), "start", "--data", data.toString(),
                "--rpc-port", Integer.toString(port), "--nointeractive")) {
            node.awaitRpc(port, START);
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), telnet).close()).as("no console by default")
                    .isInstanceOf(ConnectException.class);
            node.stop(STOP);
        }
        try (NodeProcess node = NodeProcess.start(dir.resolve("out2.txt"), "start", "--data", data.toString(),
                "--set", "io.zgnode.node.console.port=" + telnet, "--nointeractive")) {
            node.awaitRpc(port, START);
            try (Socket socket = connect(telnet)) {
                socket.setSoTimeout(30_000);
                converse(socket, port);
            }
            assertThat(node.isAlive()).as("leaving the remote console does not stop the node").isTrue();
            node.stop(STOP);
        }
    }

    /** Connects once the console listens (it starts after the RPC server). */
    private static Socket connect(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (ConnectException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Waits for the prompt, asks for the node's status, leaves. */
    private static void converse(Socket socket, int rpcPort) throws IOException {
        readUntil(socket, "zgnode> ");
        socket.getOutputStream().write("node:status\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readUntil(socket, "bundles")).contains("http://127.0.0.1:" + rpcPort);
        socket.getOutputStream().write("exit\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static final int IAC = 255;
    private static final int DONT = 254;
    private static final int DO = 253;
    private static final int WONT = 252;
    private static final int WILL = 251;
    private static final int SB = 250;
    private static final int SE = 240;

    /**
     * Reads what the telnet server sends until {@code marker} shows, skipping its option
     * negotiation (left unanswered, as by a raw TCP client).
     */
    private static String readUntil(Socket socket, String marker) throws IOException {
        StringBuilder text = new StringBuilder();
        InputStream in = socket.getInputStream();
        while (text.indexOf(marker) < 0) {
            int b = read(in, text, marker);
            if (b != IAC) {
                text.append((char) b);
                continue;
            }
            int command = read(in, text, marker);
            if (command == DO || command == DONT || command == WILL || command == WONT) {
                read(in, text, marker);
            } else if (command == SB) {
                while (read(in, text, marker) != SE) {
                    // skip the subnegotiation
                }
            }
        }
        return text.toString();
    }

    private static int read(InputStream in, StringBuilder text, String marker) throws IOException {
        int b;
        try {
            b = in.read();
        } catch (SocketTimeoutException e) {
            throw new IOException("no '" + marker + "' within the timeout; received: " + text, e);
        }
        if (b < 0) {
            throw new IOException("connection closed before '" + marker + "': " + text);
        }
        return b;
    }

    @Test
    void aRestartedNodeRemembersItsOptionsAndOptionsGivenAgainOverrideThem() throws Exception {
        int port = NodeProcess.freePort();
        Path data = dir.resolve("node");
        try (NodeProcess node = NodeProcess.start(dir.resolve("out1.txt"), "start", "--features", "core,example", "--data", data.toString(),
                "--rpc-port", Integer.toString(port), "--set", "io.zgnode.rpc.maxBatchSize=3", "--nointeractive")) {
            node.awaitRpc(port, START);
            node.awaitMethod("example_hello", START);
            node.stop(STOP);
        }
        try (NodeProcess node = NodeProcess.start(dir.resolve("out2.txt"), "start", "--data", data.toString(), "--nointeractive")) {
            node.awaitRpc(port, START);
            node.awaitMethod("example_hello", START);
            String batch = "[" + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"rpc_modules\"},".repeat(3) + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"rpc_modules\"}]";
            assertThat(node.post(batch).body()).as("the remembered batch limit").contains("-32600");
            node.stop(STOP);
        }
        int newPort = NodeProcess.freePort();
        try (NodeProcess node = NodeProcess.start(dir.resolve("out3.txt"), "start", "--data", data.toString(), "--features", "core",
                "--rpc-port", Integer.toString(newPort), "--nointeractive")) {
            node.awaitRpc(newPort, START);
            assertThat(node.call("example_hello").get("error").get("code").asInt()).as("example feature dropped").isEqualTo(-32601);
            node.stop(STOP);
        }
    }

    @Test
    void featuresInstalledLiveFromTheShellAreRememberedAndCanBeUninstalled() throws Exception {
        int port = NodeProcess.freePort();
        Path data = dir.resolve("node");
        try (NodeProcess node = NodeProcess.start(dir.resolve("out1.txt"), "start", "--data", data.toString(), "--rpc-port", Integer.toString(port))) {
            node.awaitRpc(port, START);
            assertThat(node.call("example_hello").get("error").get("code").asInt()).isEqualTo(-32601);
            node.console("feature:install example");
            node.awaitMethod("example_hello", START);
            node.console("feature:install nosuchfeature");
            node.endConsole();
            node.awaitExit(STOP);
            assertThat(node.output()).contains("feature example installed").contains("error: unknown feature 'nosuchfeature'");
        }
        try (NodeProcess node = NodeProcess.start(dir.resolve("out2.txt"), "start", "--data", data.toString())) {
            node.awaitRpc(port, START);
            node.awaitMethod("example_hello", START);
            node.console("feature:uninstall example");
            node.console("feature:uninstall core");
            long deadline = System.nanoTime() + START.toNanos();
            while (!node.call("example_hello").has("error") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(node.call("example_hello").get("error").get("code").asInt()).isEqualTo(-32601);
            node.endConsole();
            node.awaitExit(STOP);
            assertThat(node.output()).contains("feature example uninstalled").contains("error: the core feature cannot be uninstalled");
        }
        assertThat(Files.readString(data.resolve("node.json"))).doesNotContain("example");
    }
}
