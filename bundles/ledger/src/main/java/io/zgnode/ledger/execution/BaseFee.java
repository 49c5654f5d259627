package io.zgnode.ledger.execution;

import java.math.BigInteger;

/**
 * The EIP-1559 base fee: it moves by at most 1/8 per block toward keeping blocks half full, and
 * never goes below the chain's floor. Integer arithmetic, so every node computes the same value.
 * The base fee part of every fee is burned; only the priority fee goes to the proposer.
 */
public final class BaseFee {

    private static final int ELASTICITY = 2;
    private static final BigInteger CHANGE_DENOMINATOR = BigInteger.valueOf(8);

    private BaseFee() {
    }

    public static BigInteger next(BigInteger parentBaseFee, long parentGasUsed, long parentGasLimit, BigInteger minimum) {
        long target = parentGasLimit / ELASTICITY;
        BigInteger next;
        if (parentGasUsed == target || target == 0) {
            next = parentBaseFee;
        } else if (parentGasUsed > target) {
            BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(parentGasUsed - target)).divide(BigInteger.valueOf(target))
                    .divide(CHANGE_DENOMINATOR).max(BigInteger.ONE);
            next = parentBaseFee.add(delta);
        } else {
            BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(target - parentGasUsed)).divide(BigInteger.valueOf(target))
                    .divide(CHANGE_DENOMINATOR);
            next = parentBaseFee.subtract(delta);
        }
        return next.max(minimum);
    }
}
