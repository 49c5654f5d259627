package io.zgnode.api.rpc;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The connection a request came on. An {@link RpcMethod} that declares a parameter of this type
 * receives it in that position; it takes no JSON parameter. Methods use it to push
 * notifications (subscriptions) on connections that keep state, such as WebSocket.
 */
@ProviderType
public interface RpcSession {

    /** A stable identifier of the connection, unique while the node runs. */
    String id();

    /** Whether the server can push notifications on this connection (WebSocket: yes; HTTP: no). */
    boolean supportsNotifications();

    /**
     * Sends a JSON-RPC notification ({@code {"jsonrpc":"2.0","method":...,"params":...}}) to the
     * client. Does nothing once the connection has closed. Notifications are delivered in the
     * order they are sent.
     *
     * @throws IllegalStateException if the connection does not support notifications
     */
    void notify(String method, Object params);

    /** Runs {@code action} once when the connection closes (at once if it has closed already). */
    void onClose(Runnable action);

    /** Whether the connection is still open. */
    boolean isOpen();
}
