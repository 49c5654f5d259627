package io.zgnode.api.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a public method of a {@link NativeContract} as a contract function. Its first
 * parameter is the {@link CallContext}; the others take the decoded arguments in order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ContractFunction {

    /** The Solidity signature the selector is computed from, e.g. {@code transfer(address,uint256)}. */
    String value();

    /**
     * What the function returns, as a Solidity type list, e.g. {@code (uint256,bytes32)} or
     * {@code address}; empty for nothing. A tuple return is a record (or {@code Object[]}).
     */
    String returns() default "";

    /** Reads state only: callable by eth_call, refused to change state or take value. */
    boolean view() default false;

    /** Accepts value; a call with value to a function that is not payable reverts. */
    boolean payable() default false;
}
