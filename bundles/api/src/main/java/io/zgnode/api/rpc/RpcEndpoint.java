package io.zgnode.api.rpc;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker for a service that contributes JSON-RPC methods: its public methods annotated with
 * {@link RpcMethod} are served while it is registered.
 */
@ConsumerType
public interface RpcEndpoint {
}
