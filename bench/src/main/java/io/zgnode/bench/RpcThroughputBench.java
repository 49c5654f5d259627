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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.zgnode.itests.harness.NodeProcess;

/**
 * Small JSON-RPC requests per second on loopback over 2 keep-alive connections, one request in
 * flight per connection. The client is a minimal raw-socket loop, so that as much of the 2 cores
 * as possible goes to the node. Also reports the node's CPU time per request.
 */
public final class RpcThroughputBench {

    private static final int CONNECTIONS = 2;
    private static final Duration WARMUP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(15);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("zgnode-rpc");
        int port = NodeProcess.freePort();
        try (NodeProcess node = NodeProcess.start(dir.resolve("out.txt"), "start", "--features", "core", "--data", dir.resolve("node").toString(),
                "--rpc-port", Integer.toString(port), "--nointeractive")) {
            node.awaitRpc(port, Duration.ofSeconds(60));
            byte[] request = request(port, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"rpc_modules\"}");
            run(port, request, WARMUP);
            long cpuBefore = ProcessHandle.of(node.pid()).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
            long count = run(port, request, MEASURE);
            long cpuAfter = ProcessHandle.of(node.pid()).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
            double perSecond = count / (double) MEASURE.toSeconds();
            System.out.printf("JSON-RPC rpc_modules over %d keep-alive connections: %.0f requests/s (%d in %d s)%n", CONNECTIONS, perSecond,
                    count, MEASURE.toSeconds());
            System.out.printf("node CPU per request: %.1f us (node used %.2f of %d cores)%n", (cpuAfter - cpuBefore) / 1000.0 / count,
                    (cpuAfter - cpuBefore) / (double) MEASURE.toNanos(), Runtime.getRuntime().availableProcessors());
            node.stop(Duration.ofSeconds(30));
        }
    }

    private static long run(int port, byte[] request, Duration duration) throws Exception {
        LongAdder done = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            Thread thread = new Thread(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    while (running.get()) {
                        out.write(request);
                        out.flush();
                        readResponse(in);
                        done.increment();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return done.sum();
    }

    private static byte[] request(int port, String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + json.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(json, 0, request, headBytes.length, json.length);
        return request;
    }

    /** Reads one HTTP response with a Content-Length body. */
    private static void readResponse(InputStream in) throws IOException {
        int length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b == '\n') {
                String header = line.toString().trim();
                line.setLength(0);
                if (header.isEmpty()) {
                    break;
                }
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            } else {
                line.append((char) b);
            }
        }
        if (length < 0) {
            throw new IOException("response without Content-Length");
        }
        in.readNBytes(length);
    }
}
