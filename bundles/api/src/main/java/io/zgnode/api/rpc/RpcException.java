package io.zgnode.api.rpc;

/**
 * A JSON-RPC error answered to the caller: the code, a message a person can act on, and
 * optional data (serialized to JSON).
 */
public class RpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Start of the range for errors defined by the server's methods (down to -32099). */
    public static final int SERVER_ERROR = -32000;

    private final int code;
    private final transient Object data;

    public RpcException(int code, String message) {
        this(code, message, null);
    }

    public RpcException(int code, String message, Object data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public static RpcException invalidParams(String message) {
        return new RpcException(INVALID_PARAMS, message);
    }

    public static RpcException serverError(String message) {
        return new RpcException(SERVER_ERROR, message);
    }

    public int code() {
        return code;
    }

    /** Extra error data, or {@code null}. */
    public Object data() {
        return data;
    }
}
