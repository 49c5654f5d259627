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
            byte[] request = RawHttp.post(port, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"rpc_modules\"}".getBytes(StandardCharsets.US_ASCII));
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
                        RawHttp.readResponse(in);
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


}
