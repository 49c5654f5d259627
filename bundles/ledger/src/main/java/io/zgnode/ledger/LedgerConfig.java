package io.zgnode.ledger;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the ledger (PID {@code io.zgnode.ledger}). */
@ObjectClassDefinition(name = "zgnode ledger", description = "The chain: genesis, pool limits, RPC limits")
public @interface LedgerConfig {

    String PID = "io.zgnode.ledger";

    @AttributeDefinition(description = "the genesis file; empty: genesis.json in the node's data directory")
    String genesisFile() default "";

    @AttributeDefinition(description = "transactions the pool holds at once")
    int poolMaxTransactions() default 50_000;

    @AttributeDefinition(description = "transactions one sender may have waiting")
    int poolMaxPerSender() default 1_024;

    @AttributeDefinition(description = "how far ahead of the account's nonce a transaction may be")
    int poolMaxNonceGap() default 1_024;

    @AttributeDefinition(description = "largest raw transaction accepted, bytes")
    int poolMaxTransactionBytes() default 128 * 1024;

    @AttributeDefinition(description = "gas an eth_call or eth_estimateGas may use")
    long rpcGasCap() default 50_000_000L;

    @AttributeDefinition(description = "blocks one eth_getLogs may span")
    int maxLogBlockRange() default 10_000;

    @AttributeDefinition(description = "logs one eth_getLogs may return")
    int maxLogResults() default 10_000;

    @AttributeDefinition(description = "seconds an unpolled filter lives")
    int filterTimeoutSeconds() default 300;
}
