package io.zgnode.da.disperser;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import io.zgnode.api.chain.Chain;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.chain.TransactionPool;
import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.da.contracts.DaEntranceCalls;
import io.zgnode.da.contracts.DaGenesis;
import io.zgnode.da.signer.SignerKey;
import io.zgnode.ethereum.RevertReason;
import io.zgnode.ethereum.UnsignedTransaction;

/**
 * Sends a certificate to the DA entrance as a transaction from the node's signer account (which
 * pays its gas), then waits for its receipt. Sends one at a time: each takes the next nonce of the
 * account, counting what is already in the pool.
 */
final class CertificateSender {

    private static final BigInteger TIP = BigInteger.TEN.pow(9);
    /** The entrance's own work (quorum draw, state) plus the EVM's ecrecover price per signature, with room to spare. */
    private static final long BASE_GAS = 2_000_000;
    private static final long GAS_PER_SIGNATURE = 10_000;
    private static final long POLL_MILLIS = 100;

    private final Chain chain;
    private final TransactionPool pool;
    private final DaGenesis genesis;
    private final SignerKey payer;

    CertificateSender(Chain chain, TransactionPool pool, DaGenesis genesis, SignerKey payer) {
        this.chain = chain;
        this.pool = pool;
        this.genesis = genesis;
        this.payer = payer;
    }

    /**
     * @return the transaction's hash
     * @throws TransactionRejectedException if the pool refuses it (the message says why)
     */
    synchronized Hash send(Hash dataRoot, long epoch, int quorumId, List<byte[]> signatures) throws TransactionRejectedException {
        byte[] call = DaEntranceCalls.submitCertificate(dataRoot, epoch, quorumId, signatures);
        BigInteger maxFee = chain.head().baseFeePerGas().multiply(BigInteger.TWO).add(TIP);
        long nonce = pool.pendingNonce(payer.address());
        Transaction transaction = UnsignedTransaction.eip1559(chain.chainId(), nonce, TIP, maxFee, BASE_GAS + GAS_PER_SIGNATURE * signatures.size(),
                genesis.entrance(), BigInteger.ZERO, call, List.of()).sign(payer.key());
        return pool.submit(transaction.raw());
    }

    /**
     * Waits for the certificate's receipt.
     *
     * @return the receipt, or empty if none came within {@code timeoutMillis}
     */
    Optional<Receipt> await(Hash transaction, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            Optional<Receipt> receipt = chain.receipt(transaction);
            if (receipt.isPresent()) {
                return receipt;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return Optional.empty();
    }

    static String failure(Receipt receipt) {
        return "the certificate transaction " + receipt.transactionHash() + " reverted in block " + receipt.blockNumber()
                + RevertReason.decode(receipt.revertData()).map(reason -> ": " + reason).orElse("");
    }
}
