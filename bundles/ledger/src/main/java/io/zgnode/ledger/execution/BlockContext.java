package io.zgnode.ledger.execution;

import java.math.BigInteger;

import io.zgnode.api.chain.Address;

/** What every transaction of a block sees of it. */
public record BlockContext(long chainId, long number, long timestamp, Address proposer, BigInteger baseFee, long gasLimit) {
}
