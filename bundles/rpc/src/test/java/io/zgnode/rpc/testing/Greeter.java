package io.zgnode.rpc.testing;

import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcMethod;

/** Annotations on the service interface, a package-private implementation: as a plugin may do it. */
public interface Greeter extends RpcEndpoint {

    @RpcMethod("greet_hello")
    String hello(String name);

    static Greeter create() {
        return new HiddenGreeter();
    }
}

final class HiddenGreeter implements Greeter {

    @Override
    public String hello(String name) {
        return "hello " + name;
    }
}
