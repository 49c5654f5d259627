package io.zgnode.rpc;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the JSON-RPC server, PID {@code io.zgnode.rpc}. */
@ObjectClassDefinition(id = RpcConfig.PID, name = "zgnode JSON-RPC server",
        description = "JSON-RPC 2.0 over HTTP and WebSocket, health and Prometheus metrics")
public @interface RpcConfig {

    String PID = "io.zgnode.rpc";

    @AttributeDefinition(description = "Address to listen on; 0.0.0.0 for every interface")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port; 0 picks a free one")
    int port() default 8545;

    @AttributeDefinition(description = "Largest request body (HTTP) or message (WebSocket) in bytes;"
            + " the default fits a maximal DA blob in base64")
    int maxRequestBytes() default 64 * 1024 * 1024;

    @AttributeDefinition(description = "Most requests in one batch")
    int maxBatchSize() default 1000;

    @AttributeDefinition(description = "Most open connections; more are answered 503")
    int maxConnections() default 512;

    @AttributeDefinition(description = "Browser origins allowed to call (CORS): empty for none, * for all",
            required = false)
    String[] corsOrigins() default {};

    @AttributeDefinition(description = "Threads running the methods; 0 for two per core (at most 256)")
    int workerThreads() default 0;

    @AttributeDefinition(description = "How long a call waits for a method whose bundle is being updated, in ms")
    long updateGraceMillis() default 2000;
}
