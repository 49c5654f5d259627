package io.zgnode.api.chain;

import java.math.BigInteger;

/** An account's state: balance in wei (18 decimals) and the nonce of its next transaction. */
public record Account(BigInteger balance, long nonce) {

    public static final Account EMPTY = new Account(BigInteger.ZERO, 0);
}
