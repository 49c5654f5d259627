package io.zgnode.rpc.core;

/**
 * A method served now: its JSON-RPC name, module, the bundle (or other provider) it comes from,
 * and the endpoint service that won it.
 */
public record RegisteredMethod(String name, String module, String provider, long serviceId, int ranking,
        MethodInvoker invoker) {

    /** The text before the first '_': {@code eth_chainId} belongs to module {@code eth}. */
    public static String moduleOf(String method) {
        int underscore = method.indexOf('_');
        return underscore < 0 ? method : method.substring(0, underscore);
    }
}
