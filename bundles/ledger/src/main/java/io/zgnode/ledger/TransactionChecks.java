package io.zgnode.ledger;

import io.zgnode.api.chain.Transaction;
import io.zgnode.api.chain.TransactionRejectedException;
import io.zgnode.crypto.PublicKey;
import io.zgnode.ethereum.InvalidTransactionException;
import io.zgnode.ethereum.TransactionDecoder;
import io.zgnode.ledger.execution.IntrinsicGas;
import io.zgnode.ledger.genesis.Genesis;
import io.zgnode.ledger.pool.TransactionCheck;

/**
 * What the pool checks before it looks at the sender's account: the encoding and signature, the
 * chain, that the transaction calls an address (code runs here as native contracts shipped in
 * bundles, not as EVM bytecode), and that its gas and fees make sense on this chain.
 */
final class TransactionChecks implements TransactionCheck {

    private final Genesis genesis;

    TransactionChecks(Genesis genesis) {
        this.genesis = genesis;
    }

    @Override
    public TransactionDecoder.Recovered decode(byte[] raw) throws TransactionRejectedException {
        TransactionDecoder.Recovered recovered;
        try {
            recovered = TransactionDecoder.decodeWithKey(raw);
        } catch (InvalidTransactionException e) {
            throw new TransactionRejectedException(e.getMessage(), true);
        }
        check(recovered.transaction());
        return recovered;
    }

    @Override
    public TransactionDecoder.Claimed decodeClaimed(byte[] raw, PublicKey claimedSender) throws TransactionRejectedException {
        TransactionDecoder.Claimed claimed;
        try {
            claimed = TransactionDecoder.decodeClaimed(raw, claimedSender);
        } catch (InvalidTransactionException e) {
            throw new TransactionRejectedException(e.getMessage(), true);
        }
        check(claimed.transaction());
        return claimed;
    }

    private void check(Transaction transaction) throws TransactionRejectedException {
        if (transaction.chainId() == null) {
            throw new TransactionRejectedException("transaction is not replay-protected (sign it with EIP-155 for chain " + genesis.chainId() + ")", true);
        }
        if (transaction.chainId() != genesis.chainId()) {
            throw new TransactionRejectedException("invalid chain id: the transaction is for chain " + transaction.chainId()
                    + ", this is chain " + genesis.chainId(), true);
        }
        if (transaction.isContractCreation()) {
            throw new TransactionRejectedException("contract creation is not supported: code runs on this chain as native contracts"
                    + " shipped in bundles, not as EVM bytecode", true);
        }
        if (transaction.gasLimit() > genesis.gasLimit()) {
            throw new TransactionRejectedException("exceeds block gas limit: the transaction wants " + transaction.gasLimit()
                    + " gas, a block holds " + genesis.gasLimit(), true);
        }
        long intrinsic = IntrinsicGas.of(transaction);
        if (transaction.gasLimit() < intrinsic) {
            throw new TransactionRejectedException("intrinsic gas too low: the transaction needs at least " + intrinsic + " gas, it gives "
                    + transaction.gasLimit(), true);
        }
        if (transaction.tipCap().compareTo(transaction.feeCap()) > 0) {
            throw new TransactionRejectedException("max priority fee per gas higher than max fee per gas", true);
        }
        if (transaction.feeCap().compareTo(genesis.minBaseFeePerGas()) < 0) {
            throw new TransactionRejectedException("transaction underpriced: the fee cap " + transaction.feeCap()
                    + " is below the chain's minimum base fee " + genesis.minBaseFeePerGas(), true);
        }
    }
}
