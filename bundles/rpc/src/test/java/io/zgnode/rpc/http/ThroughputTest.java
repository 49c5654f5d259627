package io.zgnode.rpc.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.rpc.testing.ServerFixture;

/**
 * Requests per second of a tiny method over two kept-alive HTTP connections. Prints its figures;
 * asserts only that every call succeeded (timing depends on the machine).
 */
@Tag("benchmark")
class ThroughputTest {

    private static final long WARMUP_MILLIS = 1500;
    private static final long MEASURE_MILLIS = 3000;
    private static final String BODY = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"bench_ping\",\"params\":[7]}";

    public static class Ping implements RpcEndpoint {
        @RpcMethod("bench_ping")
        public long ping(long x) {
            return x;
        }
    }

    private ServerFixture fixture;
    private final ExecutorService clients = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        clients.shutdownNow();
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void tinyMethodOverTwoKeepAliveConnections() throws Exception {
        fixture = new ServerFixture(ServerFixture.settings());
        fixture.registry.add(new Ping(), 1, 0, "bench");

        Result raw = measure(this::rawSocketClient);
        Result jdk = measure(this::httpClient);
        System.out.printf("rpc throughput, bench_ping, 2 keep-alive connections, %d cores, load average %.1f:%n"
                + "  raw socket clients:       %,8.0f requests/s, server CPU %5.1f us/request (I/O threads %5.1f, workers %5.1f)%n"
                + "  java.net.http.HttpClient: %,8.0f requests/s, server CPU %5.1f us/request (I/O threads %5.1f, workers %5.1f)%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                raw.perSecond(), raw.cpuMicros(), raw.ioMicros(), raw.workerMicros(),
                jdk.perSecond(), jdk.cpuMicros(), jdk.ioMicros(), jdk.workerMicros());
        assertThat(raw.requests()).isPositive();
        assertThat(jdk.requests()).isPositive();
    }

    private record Result(long requests, long ioNanos, long workerNanos) {
        double perSecond() {
            return requests * 1000.0 / MEASURE_MILLIS;
        }

        double ioMicros() {
            return ioNanos / 1000.0 / requests;
        }

        double workerMicros() {
            return workerNanos / 1000.0 / requests;
        }

        double cpuMicros() {
            return ioMicros() + workerMicros();
        }
    }

    /**
     * Runs two clients for warmup + measure; counts requests and the server threads' CPU time in
     * the measure window. CPU per request does not depend on what else the machine runs.
     */
    private Result measure(ClientFactory factory) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.MILLISECONDS.toNanos(WARMUP_MILLIS);
        long end = measureFrom + TimeUnit.MILLISECONDS.toNanos(MEASURE_MILLIS);
        Future<Long> a = clients.submit(factory.client(measureFrom, end));
        Future<Long> b = clients.submit(factory.client(measureFrom, end));
        TimeUnit.NANOSECONDS.sleep(measureFrom - System.nanoTime());
        long[] before = serverCpu();
        TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
        long[] after = serverCpu();
        long counted = a.get(30, TimeUnit.SECONDS) + b.get(30, TimeUnit.SECONDS);
        return new Result(counted, after[0] - before[0], after[1] - before[1]);
    }

    /** CPU nanoseconds used so far by the server's I/O threads and by its workers. */
    private static long[] serverCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long io = 0;
        long workers = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long cpu = threads.getThreadCpuTime(t.getId());
            if (cpu < 0) {
                continue;
            }
            if (t.getName().startsWith("zgnode-rpc-io")) {
                io += cpu;
            } else if (t.getName().startsWith("zgnode-rpc-worker")) {
                workers += cpu;
            }
        }
        return new long[] {io, workers};
    }

    private interface ClientFactory {
        Callable<Long> client(long measureFrom, long end);
    }

    /** A minimal HTTP/1.1 client on one socket: measures the server, not a client library. */
    private Callable<Long> rawSocketClient(long measureFrom, long end) {
        return () -> {
            byte[] request = ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + BODY.length() + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);
            long counted = 0;
            try (Socket socket = new Socket("127.0.0.1", fixture.server.url().getPort())) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                long now;
                while ((now = System.nanoTime()) < end) {
                    out.write(request);
                    out.flush();
                    String response = readResponse(in);
                    if (!response.contains("\"result\":7")) {
                        throw new AssertionError(response);
                    }
                    if (now >= measureFrom) {
                        counted++;
                    }
                }
            }
            return counted;
        };
    }

    private Callable<Long> httpClient(long measureFrom, long end) {
        return () -> {
            HttpRequest request = HttpRequest.newBuilder(fixture.uri("/"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            long counted = 0;
            long now;
            while ((now = System.nanoTime()) < end) {
                HttpResponse<String> r = fixture.client.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains("\"result\":7")) {
                    throw new AssertionError(r.body());
                }
                if (now >= measureFrom) {
                    counted++;
                }
            }
            return counted;
        };
    }

    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder(256);
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n') {
                break;
            }
        }
        int at = head.indexOf("content-length: ");
        int length = Integer.parseInt(head.substring(at + 16, head.indexOf("\r", at)).trim());
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
