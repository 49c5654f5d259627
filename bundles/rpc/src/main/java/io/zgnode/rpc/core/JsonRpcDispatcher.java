package io.zgnode.rpc.core;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.api.rpc.RpcException;
import io.zgnode.api.rpc.RpcSession;
import io.zgnode.rpc.metrics.RpcMetrics;

/**
 * JSON-RPC 2.0 over any transport: parses a message, validates requests, runs batches, calls
 * methods and writes the answer. Knows nothing of Netty; the transports hand it bytes.
 * <p>
 * Threads: all work runs on the bounded worker executor, never on the caller's (network)
 * thread. A batch runs its calls one after another in one worker, so one large batch cannot
 * take every worker; a call held for a vanished method (see {@link MethodRegistry}) continues
 * on a worker when its method is back.
 */
public final class JsonRpcDispatcher {

    private static final System.Logger LOG = System.getLogger("io.zgnode.rpc");

    private final MethodRegistry registry;
    private final RpcMetrics metrics;
    private final Executor workers;
    private final int maxBatchSize;
    private final ObjectMapper mapper = JsonMappers.create();

    public JsonRpcDispatcher(MethodRegistry registry, RpcMetrics metrics, Executor workers, int maxBatchSize) {
        this.registry = registry;
        this.metrics = metrics;
        this.workers = workers;
        this.maxBatchSize = maxBatchSize;
    }

    public CompletableFuture<Reply> handle(byte[] body, ConnectionSession session) {
        return handle(new ByteArrayInputStream(body), session);
    }

    /** Handles one message; closes {@code body}. The reply's body is null when nothing is answered. */
    public CompletableFuture<Reply> handle(InputStream body, ConnectionSession session) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                process(body, session).whenComplete((r, e) -> {
                    if (e != null) {
                        LOG.log(Level.ERROR, "JSON-RPC message failed", e);
                        reply.complete(new Reply(fail(null, RpcException.INTERNAL_ERROR, "internal error"), List.of()));
                    } else {
                        reply.complete(r);
                    }
                });
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, "JSON-RPC message failed", e);
                reply.complete(new Reply(fail(null, RpcException.INTERNAL_ERROR, "internal error"), List.of()));
            }
        };
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            close(body);
            metrics.error(RpcMetrics.INVALID, RpcException.SERVER_ERROR);
            reply.complete(new Reply(fail(null, RpcException.SERVER_ERROR, "server busy: too many requests in progress"),
                    List.of()));
        }
        return reply;
    }

    /** What one message is answered on: the connection, and the per-call sessions to release. */
    private static final class Message {
        final ConnectionSession connection;
        final ConcurrentLinkedQueue<DeferringSession> sessions = new ConcurrentLinkedQueue<>();

        Message(ConnectionSession connection) {
            this.connection = connection;
        }

        RpcSession sessionFor(MethodInvoker invoker) {
            if (!connection.supportsNotifications()) {
                return connection;
            }
            DeferringSession session = new DeferringSession(connection, invoker.mapper());
            sessions.add(session);
            return session;
        }

        Reply reply(byte[] body) {
            return new Reply(body, List.copyOf(sessions));
        }
    }

    private CompletableFuture<Reply> process(InputStream body, ConnectionSession session) {
        Message message = new Message(session);
        JsonNode root;
        try (InputStream in = body) {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            return parseError(message, e.getOriginalMessage() + location(e));
        } catch (IOException e) {
            return parseError(message, e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return parseError(message, "empty body");
        }
        if (!root.isArray()) {
            return call(root, message).thenApply(message::reply);
        }
        if (root.isEmpty()) {
            return invalidMessage(message, "invalid request: empty batch");
        }
        if (root.size() > maxBatchSize) {
            return invalidMessage(message, "invalid request: batch of " + root.size()
                    + " requests exceeds the limit of " + maxBatchSize);
        }
        List<CompletableFuture<byte[]>> parts = new ArrayList<>(root.size());
        for (JsonNode request : root) {
            parts.add(call(request, message));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> message.reply(joinBatch(parts)));
    }

    private static byte[] joinBatch(List<CompletableFuture<byte[]>> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (CompletableFuture<byte[]> part : parts) {
            byte[] response = part.join();
            if (response != null) {
                out.write(out.size() == 0 ? '[' : ',');
                out.write(response, 0, response.length);
            }
        }
        if (out.size() == 0) {
            return null; // only notifications: nothing is answered
        }
        out.write(']');
        return out.toByteArray();
    }

    private CompletableFuture<Reply> parseError(Message message, String detail) {
        metrics.request(RpcMetrics.INVALID, 0);
        metrics.error(RpcMetrics.INVALID, RpcException.PARSE_ERROR);
        return CompletableFuture.completedFuture(message.reply(
                fail(null, RpcException.PARSE_ERROR, "parse error: " + detail)));
    }

    private CompletableFuture<Reply> invalidMessage(Message message, String text) {
        metrics.request(RpcMetrics.INVALID, 0);
        metrics.error(RpcMetrics.INVALID, RpcException.INVALID_REQUEST);
        return CompletableFuture.completedFuture(message.reply(fail(null, RpcException.INVALID_REQUEST, text)));
    }

    /** One request object of a message; completes with the response, or null for a notification. */
    private CompletableFuture<byte[]> call(JsonNode node, Message message) {
        Request request;
        try {
            request = Request.of(node);
        } catch (RpcException e) {
            metrics.request(RpcMetrics.INVALID, 0);
            metrics.error(RpcMetrics.INVALID, e.code());
            JsonNode id = node.isObject() ? node.get("id") : null;
            return CompletableFuture.completedFuture(fail(Request.validId(id) ? id : null, e.code(), e.getMessage()));
        }
        RegisteredMethod method = registry.find(request.method());
        if (method != null) {
            return CompletableFuture.completedFuture(invoke(method, request, message));
        }
        CompletableFuture<RegisteredMethod> later = registry.lookup(request.method());
        if (later.isDone()) {
            return CompletableFuture.completedFuture(answer(later.join(), request, message));
        }
        CompletableFuture<byte[]> response = new CompletableFuture<>();
        later.whenComplete((m, e) -> {
            try {
                workers.execute(() -> response.complete(answer(m, request, message)));
            } catch (RejectedExecutionException rejected) {
                response.complete(request.notification() ? null
                        : fail(request.id(), RpcException.SERVER_ERROR, "server busy: too many requests in progress"));
            }
        });
        return response;
    }

    private byte[] answer(RegisteredMethod method, Request request, Message message) {
        if (method != null) {
            return invoke(method, request, message);
        }
        metrics.request(RpcMetrics.UNKNOWN, 0);
        metrics.error(RpcMetrics.UNKNOWN, RpcException.METHOD_NOT_FOUND);
        return request.notification() ? null
                : fail(request.id(), RpcException.METHOD_NOT_FOUND, "method not found: " + request.method());
    }

    private byte[] invoke(RegisteredMethod method, Request request, Message message) {
        MethodInvoker invoker = method.invoker();
        String name = method.name();
        RpcSession session = invoker.needsSession() ? message.sessionFor(invoker) : null;
        Object result;
        long start = System.nanoTime();
        try {
            result = invoker.invoke(request.params(), session);
        } catch (RpcException e) {
            metrics.error(name, e.code());
            return request.notification() ? null : rpcError(request.id(), e, invoker.mapper());
        } catch (Throwable e) {
            // a bug in the method, or its bundle went away mid-call: the client learns nothing of it
            LOG.log(Level.WARNING, "rpc method " + name + " of " + method.provider() + " failed: " + e, e);
            metrics.error(name, RpcException.INTERNAL_ERROR);
            return request.notification() ? null : fail(request.id(), RpcException.INTERNAL_ERROR, "internal error");
        } finally {
            metrics.request(name, System.nanoTime() - start);
        }
        if (request.notification()) {
            return null;
        }
        try {
            return Envelopes.result(request.id(), result, invoker.mapper());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "rpc method " + name + " of " + method.provider()
                    + " returned a value that cannot be written as JSON: " + e.getMessage());
            metrics.error(name, RpcException.INTERNAL_ERROR);
            return fail(request.id(), RpcException.INTERNAL_ERROR, "internal error");
        }
    }

    private byte[] rpcError(JsonNode id, RpcException e, ObjectMapper endpointMapper) {
        try {
            return Envelopes.error(id, e.code(), e.getMessage(), e.data(), endpointMapper);
        } catch (IOException | RuntimeException unwritable) {
            LOG.log(Level.WARNING, "data of rpc error " + e.code() + " cannot be written as JSON: "
                    + unwritable.getMessage());
            return fail(id, e.code(), e.getMessage());
        }
    }

    /** An error response without data; cannot fail. */
    private byte[] fail(JsonNode id, int code, String message) {
        try {
            return Envelopes.error(id, code, message, null, mapper);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an error response", e);
        }
    }

    private static String location(JsonProcessingException e) {
        var at = e.getLocation();
        return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /** A validated request object. */
    record Request(JsonNode id, boolean notification, String method, JsonNode params) {

        static Request of(JsonNode node) {
            if (!node.isObject()) {
                throw new RpcException(RpcException.INVALID_REQUEST, "invalid request: expected a JSON object, got "
                        + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            JsonNode id = node.get("id");
            if (!validId(id)) {
                throw new RpcException(RpcException.INVALID_REQUEST, "invalid request: id must be a string, a number or null");
            }
            JsonNode version = node.get("jsonrpc");
            if (version == null || !version.isTextual() || !"2.0".equals(version.textValue())) {
                throw new RpcException(RpcException.INVALID_REQUEST, "invalid request: jsonrpc must be \"2.0\"");
            }
            JsonNode method = node.get("method");
            if (method == null || !method.isTextual() || method.textValue().isEmpty()) {
                throw new RpcException(RpcException.INVALID_REQUEST, "invalid request: method must be a non-empty string");
            }
            JsonNode params = node.get("params");
            if (params != null && !params.isNull() && !params.isArray() && !params.isObject()) {
                throw new RpcException(RpcException.INVALID_REQUEST, "invalid request: params must be an array or an object");
            }
            return new Request(id, !node.has("id"), method.textValue(), params);
        }

        static boolean validId(JsonNode id) {
            return id == null || id.isTextual() || id.isNumber() || id.isNull();
        }
    }
}
