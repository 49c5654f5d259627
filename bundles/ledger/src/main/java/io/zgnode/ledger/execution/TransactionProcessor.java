package io.zgnode.ledger.execution;

import java.lang.reflect.InvocationTargetException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.zgnode.api.chain.Account;
import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.contract.Gas;
import io.zgnode.api.contract.RevertException;
import io.zgnode.crypto.Hex;
import io.zgnode.ethereum.AbiException;
import io.zgnode.ethereum.AbiFunction;
import io.zgnode.ethereum.RevertReason;
import io.zgnode.ledger.execution.NotIncludableException.Reason;
import io.zgnode.ledger.state.WorldState;

/**
 * Executes transactions and calls against a {@link WorldState}.
 * <p>
 * Fees: the sender buys {@code gasLimit} gas at the effective price up front
 * ({@code min(feeCap, baseFee + tip)}), gets back what was not used; of what was used, the base
 * fee part is burned and the tip part goes to the block's proposer. A failed call (revert, out of
 * gas, bad arguments) undoes everything but the fee and the nonce.
 */
public final class TransactionProcessor {

    private static final Logger LOG = Logger.getLogger(TransactionProcessor.class.getName());

    private final ContractRegistry contracts;

    public TransactionProcessor(ContractRegistry contracts) {
        this.contracts = contracts;
    }

    /**
     * Includes {@code transaction} in the block being built or checked.
     *
     * @param gasLeftInBlock gas the block can still take
     * @throws NotIncludableException if it cannot be in this block; the state is then unchanged
     */
    public Outcome apply(WorldState state, BlockContext block, Transaction transaction, long gasLeftInBlock) throws NotIncludableException {
        if (transaction.gasLimit() > gasLeftInBlock) {
            throw new NotIncludableException(Reason.BLOCK_FULL, "the block has " + gasLeftInBlock + " gas left, the transaction wants " + transaction.gasLimit());
        }
        if (transaction.isContractCreation()) {
            throw new NotIncludableException(Reason.INVALID, "contract creation is not supported");
        }
        if (transaction.chainId() == null || transaction.chainId() != block.chainId()) {
            throw new NotIncludableException(Reason.INVALID, "transaction for chain " + transaction.chainId() + ", this is chain " + block.chainId());
        }
        Address sender = transaction.from();
        Account account = state.account(sender);
        if (transaction.nonce() < account.nonce()) {
            throw new NotIncludableException(Reason.NONCE_TOO_LOW, "nonce " + transaction.nonce() + " is below the account's " + account.nonce());
        }
        if (transaction.nonce() > account.nonce()) {
            throw new NotIncludableException(Reason.NONCE_TOO_HIGH, "nonce " + transaction.nonce() + " is above the account's " + account.nonce());
        }
        if (transaction.feeCap().compareTo(block.baseFee()) < 0) {
            throw new NotIncludableException(Reason.FEE_CAP_BELOW_BASE_FEE, "fee cap " + transaction.feeCap() + " is below the base fee " + block.baseFee());
        }
        long intrinsic = IntrinsicGas.of(transaction);
        if (transaction.gasLimit() < intrinsic) {
            throw new NotIncludableException(Reason.INVALID, "gas limit " + transaction.gasLimit() + " is below the intrinsic gas " + intrinsic);
        }
        BigInteger gasLimit = BigInteger.valueOf(transaction.gasLimit());
        BigInteger maxCost = gasLimit.multiply(transaction.feeCap()).add(transaction.value());
        if (account.balance().compareTo(maxCost) < 0) {
            throw new NotIncludableException(Reason.INSUFFICIENT_FUNDS, "balance " + account.balance() + " is below the cost " + maxCost);
        }
        BigInteger price = transaction.effectiveGasPrice(block.baseFee());
        state.subtractBalance(sender, gasLimit.multiply(price));
        state.incrementNonce(sender);

        CallResult result = execute(state, block, sender, transaction.to(), transaction.value(), transaction.input(),
                transaction.gasLimit() - intrinsic, transaction.hash());
        long gasUsed = transaction.gasLimit() - result.gasLeft();
        state.addBalance(sender, BigInteger.valueOf(result.gasLeft()).multiply(price));
        state.addBalance(block.proposer(), BigInteger.valueOf(gasUsed).multiply(price.subtract(block.baseFee())));
        return new Outcome(result.success(), gasUsed, price, result.logs(), result.success() ? new byte[0] : result.output());
    }

    /**
     * Runs a call without a transaction (eth_call, eth_estimateGas): no nonce, no fee.
     *
     * @return the result, with {@code gasLeft} counted from {@code gasLimit} (intrinsic gas included)
     */
    public CallResult call(WorldState state, BlockContext block, Address from, Address to, BigInteger value, byte[] data, long gasLimit) {
        long intrinsic = IntrinsicGas.of(data, 0, 0);
        if (gasLimit < intrinsic) {
            return new CallResult(false, RevertReason.encode("gas limit " + gasLimit + " is below the intrinsic gas " + intrinsic), 0, List.of());
        }
        if (state.account(from).balance().compareTo(value) < 0) {
            return new CallResult(false, RevertReason.encode("insufficient funds for the value sent"), gasLimit - intrinsic, List.of());
        }
        return execute(state, block, from, to, value, data, gasLimit - intrinsic, Hash.ZERO);
    }

    private CallResult execute(WorldState state, BlockContext block, Address from, Address to, BigInteger value, byte[] data, long gas,
            Hash transactionHash) {
        int checkpoint = state.checkpoint();
        GasMeter meter = new GasMeter(gas);
        List<Log> logs = new ArrayList<>();
        try {
            if (value.signum() > 0) {
                state.subtractBalance(from, value);
                state.addBalance(to, value);
            }
            ContractBinding contract = contracts.get(to).orElse(null);
            if (contract == null) {
                return new CallResult(true, new byte[0], meter.left(), List.of());
            }
            byte[] output = invoke(state, block, contract, from, to, value, data, meter, transactionHash, logs);
            return new CallResult(true, output, meter.left(), List.copyOf(logs));
        } catch (RevertException e) {
            state.revertTo(checkpoint);
            byte[] revertData = e.data() != null ? e.data() : RevertReason.encode(e.getMessage() == null ? "" : e.getMessage());
            return new CallResult(false, revertData, meter.left(), List.of());
        } catch (OutOfGasException e) {
            state.revertTo(checkpoint);
            return new CallResult(false, new byte[0], 0, List.of());
        }
    }

    private static byte[] invoke(WorldState state, BlockContext block, ContractBinding contract, Address caller, Address address,
            BigInteger value, byte[] data, GasMeter meter, Hash transactionHash, List<Log> logs) {
        meter.charge(Gas.CALL);
        String name = contract.contract().name();
        if (data.length < AbiFunction.SELECTOR_LENGTH) {
            throw new RevertException(name + " takes calls to its functions only (no plain transfers)");
        }
        ContractBinding.Function function = contract.function(AbiFunction.selectorOf(data));
        if (function == null) {
            throw new RevertException(name + " has no function with selector " + Hex.encode(Arrays.copyOf(data, AbiFunction.SELECTOR_LENGTH)));
        }
        String signature = function.method().function().signature();
        if (value.signum() > 0 && !function.payable()) {
            throw new RevertException(name + "." + signature + " is not payable");
        }
        Object[] arguments;
        try {
            arguments = function.method().decodeArguments(data);
        } catch (AbiException e) {
            throw new RevertException("invalid arguments for " + name + "." + signature + ": " + e.getMessage());
        }
        arguments[0] = new ContractCall(state, address, caller, value, block, transactionHash, meter, function.view(), logs);
        Object returned;
        try {
            returned = function.method().method().invoke(contract.contract(), arguments);
        } catch (InvocationTargetException e) {
            throw asRevert(name, signature, e.getCause());
        } catch (IllegalAccessException e) {
            throw new RevertException(name + "." + signature + " cannot be called: " + e.getMessage());
        }
        try {
            return function.method().encodeResult(returned);
        } catch (IllegalArgumentException e) {
            throw failure(name, signature, e);
        }
    }

    /** A contract method's exception as the call's outcome. */
    private static RuntimeException asRevert(String name, String signature, Throwable cause) {
        if (cause instanceof RevertException || cause instanceof OutOfGasException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof VirtualMachineError error) {
            throw error;
        }
        return failure(name, signature, cause);
    }

    /**
     * A bug in a native contract: every node meets the same bug on the same input, so the call
     * reverts (deterministically) and the operator is told once in the log.
     */
    private static RevertException failure(String name, String signature, Throwable cause) {
        LOG.log(Level.WARNING, "native contract " + name + "." + signature + " failed", cause);
        return new RevertException(name + "." + signature + " failed: " + cause.getClass().getSimpleName());
    }
}
