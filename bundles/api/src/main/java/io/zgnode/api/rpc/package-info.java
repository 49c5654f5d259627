/**
 * JSON-RPC 2.0 methods, contributed by any bundle through the whiteboard.
 * <p>
 * A bundle registers an {@link io.zgnode.api.rpc.RpcEndpoint} service; its public methods
 * annotated with {@link io.zgnode.api.rpc.RpcMethod} are served while the service is registered
 * and vanish with it. Positional parameters are converted to the Java parameter types (records,
 * lists, maps, strings, numbers, {@code byte[]} from base64); a missing trailing parameter is
 * {@code null}. Results are serialized to JSON the same way.
 */
@Version("1.0.0")
@Export
package io.zgnode.api.rpc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
