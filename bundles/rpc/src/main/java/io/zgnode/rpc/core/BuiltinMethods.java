package io.zgnode.rpc.core;

import java.util.SortedMap;

import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcMethod;

/** The methods the server answers itself, served through the same table as everyone else's. */
public final class BuiltinMethods implements RpcEndpoint {

    /** Below every real service.id, so at equal ranking the server's own methods win. */
    static final long SERVICE_ID = -1;
    static final String PROVIDER = "io.zgnode.rpc";

    private final MethodRegistry registry;

    BuiltinMethods(MethodRegistry registry) {
        this.registry = registry;
    }

    @RpcMethod("rpc_modules")
    public SortedMap<String, String> modules() {
        return registry.modules();
    }
}
