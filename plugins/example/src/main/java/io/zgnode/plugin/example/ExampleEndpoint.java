package io.zgnode.plugin.example;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.api.store.KeyValueStore;

/** JSON-RPC methods {@code example_hello} and {@code example_count}. */
@Component(service = RpcEndpoint.class)
public class ExampleEndpoint implements RpcEndpoint {

    private static final int MAX_NAME_LENGTH = 100;

    private final KeyValueStore store;
    private final String servedBy;

    @Activate
    public ExampleEndpoint(BundleContext context, @Reference KeyValueStore store) {
        this.store = store;
        this.servedBy = context.getBundle().getSymbolicName() + " " + context.getBundle().getVersion();
    }

    /** {@code example_hello(name?)}: a greeting, and which plugin version answered. */
    @RpcMethod("example_hello")
    public Greeting hello(String name) {
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw RpcException.invalidParams("name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return new Greeting("Hello, " + (name == null || name.isBlank() ? "world" : name) + "!", servedBy);
    }

    /** {@code example_count()}: adds one to a counter kept in the store and returns it. */
    @RpcMethod("example_count")
    public synchronized long count() {
        return Counter.increment(store);
    }
}
