package io.zgnode.runtime.cli;

import io.zgnode.runtime.UserError;

/**
 * A JSON-RPC error answered by the node, as the one line "METHOD failed: MESSAGE (CODE)". Callers
 * that can handle particular errors look at {@link #code()} and {@link #data()}.
 */
public final class RpcError extends UserError {

    private static final long serialVersionUID = 1L;

    /** JSON-RPC's code for a method the node does not serve. */
    public static final long METHOD_NOT_FOUND = -32601;

    private final String method;
    private final long code;
    private final String errorMessage;
    private final transient Object data;

    public RpcError(String method, long code, String errorMessage, Object data) {
        super(method + " failed: " + Errors.oneLine(errorMessage) + " (" + code + ")");
        this.method = method;
        this.code = code;
        this.errorMessage = errorMessage;
        this.data = data;
    }

    public String method() {
        return method;
    }

    /** The JSON-RPC error code, e.g. -32601 for an unknown method, -32000 for most server errors. */
    public long code() {
        return code;
    }

    /** The error's own message, as the node sent it. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The error's "data" member (a Jackson JsonNode), or null. */
    public Object data() {
        return data;
    }
}
