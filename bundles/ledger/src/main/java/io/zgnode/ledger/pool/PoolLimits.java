package io.zgnode.ledger.pool;

/**
 * The pool's bounds.
 *
 * @param maxTransactions transactions in the pool at once; when full, a better-paying one evicts
 *        the worst-paying last-in-line one
 * @param maxPerSender transactions one sender may have waiting
 * @param maxNonceGap how far ahead of the account's nonce a transaction may be
 * @param maxTransactionBytes largest raw transaction accepted
 * @param replacementBumpPercent how much more a replacement must pay (tip and fee cap)
 */
public record PoolLimits(int maxTransactions, int maxPerSender, int maxNonceGap, int maxTransactionBytes, int replacementBumpPercent) {

    public static final PoolLimits DEFAULT = new PoolLimits(50_000, 1_024, 1_024, 128 * 1024, 10);
}
