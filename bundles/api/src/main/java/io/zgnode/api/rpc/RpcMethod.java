package io.zgnode.api.rpc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the JSON-RPC method a public method of an {@link RpcEndpoint} serves. The part before
 * the first underscore is the method's module, as listed by {@code rpc_modules}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RpcMethod {

    /** The JSON-RPC method name, e.g. {@code eth_chainId}. */
    String value();
}
