package io.zgnode.api.rpc;

import java.net.URI;
import java.util.SortedMap;
import java.util.SortedSet;

import org.osgi.annotation.versioning.ProviderType;

/** The node's JSON-RPC server, registered while it listens. */
@ProviderType
public interface RpcServer {

    /** Where the server answers, e.g. {@code http://127.0.0.1:8545}. */
    URI url();

    /** The methods served now. */
    SortedSet<String> methods();

    /** The modules served now with their versions, as {@code rpc_modules} answers. */
    SortedMap<String, String> modules();
}
