package io.zgnode.runtime.cli;

import picocli.CommandLine.Option;

/** {@code --rpc URL}: the node a client command talks to over JSON-RPC. */
public final class RpcOption {

    public static final String DEFAULT_URL = "http://127.0.0.1:8545";

    @Option(names = "--rpc", paramLabel = "URL", defaultValue = "${env:ZGNODE_RPC:-" + DEFAULT_URL + "}",
            description = "the node's JSON-RPC URL (default: $ZGNODE_RPC, else " + DEFAULT_URL + ")")
    String url = DEFAULT_URL;

    public String url() {
        return url;
    }

    /** A client for the URL given; a malformed URL is a {@link io.zgnode.runtime.UserError}. */
    public RpcClient client() {
        return RpcClient.of(url);
    }
}
