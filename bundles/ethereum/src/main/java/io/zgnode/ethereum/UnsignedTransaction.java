package io.zgnode.ethereum;

import io.zgnode.api.chain.AccessListEntry;
import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.Keccak256;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.crypto.Signature;
import io.zgnode.ethereum.internal.Bytes;
import io.zgnode.ethereum.internal.TransactionEncoder;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A transaction to sign: the fields of {@link Transaction} without the signature. Make one with
 * {@link #legacy}, {@link #eip2930} or {@link #eip1559}, then {@link #sign} it. Immutable; the
 * constructor checks that the fields suit the type and fit their ranges.
 *
 * @param type {@link Transaction#LEGACY}, {@link Transaction#ACCESS_LIST} or {@link Transaction#DYNAMIC_FEE}
 * @param chainId required for types 1 and 2; for legacy, {@code null} signs without EIP-155
 *        replay protection
 * @param gasPrice types 0 and 1 only
 * @param maxPriorityFeePerGas type 2 only
 * @param maxFeePerGas type 2 only
 * @param to {@code null} for a contract creation
 * @param input the calldata; {@code null} is empty
 * @param accessList types 1 and 2 only; {@code null} is empty
 */
public record UnsignedTransaction(int type, Long chainId, long nonce, BigInteger gasPrice, BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerGas, long gasLimit, Address to, BigInteger value, byte[] input, List<AccessListEntry> accessList) {

    public UnsignedTransaction {
        if (type != Transaction.LEGACY && type != Transaction.ACCESS_LIST && type != Transaction.DYNAMIC_FEE) {
            throw new IllegalArgumentException("unsupported transaction type " + type);
        }
        if (chainId == null && type != Transaction.LEGACY) {
            throw new IllegalArgumentException("a type " + type + " transaction needs a chain id");
        }
        if (chainId != null && chainId < 0) {
            throw new IllegalArgumentException("chain id must not be negative, got " + chainId);
        }
        if (nonce < 0 || gasLimit < 0) {
            throw new IllegalArgumentException("nonce and gas limit must not be negative, got " + nonce + " and " + gasLimit);
        }
        boolean dynamicFee = type == Transaction.DYNAMIC_FEE;
        requireFor(gasPrice, !dynamicFee, "gas price", type);
        requireFor(maxPriorityFeePerGas, dynamicFee, "max priority fee per gas", type);
        requireFor(maxFeePerGas, dynamicFee, "max fee per gas", type);
        requireUint256(value, "value");
        input = input == null ? Bytes.EMPTY : input.clone();
        accessList = accessList == null ? List.of() : List.copyOf(accessList);
        if (type == Transaction.LEGACY && !accessList.isEmpty()) {
            throw new IllegalArgumentException("a legacy transaction has no access list");
        }
    }

    /** A legacy transaction; {@code chainId} null for no EIP-155 replay protection. */
    public static UnsignedTransaction legacy(Long chainId, long nonce, BigInteger gasPrice, long gasLimit, Address to,
            BigInteger value, byte[] input) {
        return new UnsignedTransaction(Transaction.LEGACY, chainId, nonce, gasPrice, null, null, gasLimit, to, value, input,
                null);
    }

    /** An EIP-2930 (type 1) transaction. */
    public static UnsignedTransaction eip2930(long chainId, long nonce, BigInteger gasPrice, long gasLimit, Address to,
            BigInteger value, byte[] input, List<AccessListEntry> accessList) {
        return new UnsignedTransaction(Transaction.ACCESS_LIST, chainId, nonce, gasPrice, null, null, gasLimit, to, value,
                input, accessList);
    }

    /** An EIP-1559 (type 2) transaction. */
    public static UnsignedTransaction eip1559(long chainId, long nonce, BigInteger maxPriorityFeePerGas,
            BigInteger maxFeePerGas, long gasLimit, Address to, BigInteger value, byte[] input,
            List<AccessListEntry> accessList) {
        return new UnsignedTransaction(Transaction.DYNAMIC_FEE, chainId, nonce, null, maxPriorityFeePerGas, maxFeePerGas,
                gasLimit, to, value, input, accessList);
    }

    /** The fields of a signed transaction, to sign them again (with another key, or to check). */
    public static UnsignedTransaction of(Transaction signed) {
        return new UnsignedTransaction(signed.type(), signed.chainId(), signed.nonce(), signed.gasPrice(),
                signed.maxPriorityFeePerGas(), signed.maxFeePerGas(), signed.gasLimit(), signed.to(), signed.value(),
                signed.input(), signed.accessList());
    }

    /** A copy of the calldata. */
    @Override
    public byte[] input() {
        return input.clone();
    }

    /** The bytes whose Keccak-256 is signed: RLP of the fields, after the type byte for types 1 and 2. */
    public byte[] signingPayload() {
        return TransactionEncoder.signingPayload(this);
    }

    public Hash signingHash() {
        return Hash.of(Keccak256.hash(signingPayload()));
    }

    /**
     * Signs with {@code key} (deterministic RFC 6979 nonces, low s) and returns the transaction
     * as {@link TransactionDecoder#decode} would give it: {@link Transaction#raw()} is what to
     * send with {@code eth_sendRawTransaction}.
     */
    public Transaction sign(PrivateKey key) {
        Signature signature = key.sign(signingHash().toArray());
        BigInteger v = BigInteger.valueOf(signature.recoveryId());
        if (type == Transaction.LEGACY) {
            v = chainId == null
                    ? v.add(BigInteger.valueOf(27))
                    : BigInteger.valueOf(chainId).shiftLeft(1).add(BigInteger.valueOf(35)).add(v);
        }
        byte[] raw = TransactionEncoder.signed(this, v, signature.r(), signature.s());
        return new Transaction(type, chainId, nonce, gasPrice, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value,
                input.clone(), accessList, v, signature.r(), signature.s(), Hash.of(Keccak256.hash(raw)),
                Address.of(key.address()), raw);
    }

    private static void requireFor(BigInteger fee, boolean required, String name, int type) {
        if (required) {
            requireUint256(fee, name);
        } else if (fee != null) {
            throw new IllegalArgumentException("a type " + type + " transaction has no " + name);
        }
    }

    private static void requireUint256(BigInteger value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException(name + " must be an unsigned 256-bit integer, got " + value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnsignedTransaction that && type == that.type && nonce == that.nonce
                && gasLimit == that.gasLimit && Objects.equals(chainId, that.chainId) && Objects.equals(gasPrice, that.gasPrice)
                && Objects.equals(maxPriorityFeePerGas, that.maxPriorityFeePerGas)
                && Objects.equals(maxFeePerGas, that.maxFeePerGas) && Objects.equals(to, that.to)
                && value.equals(that.value) && Arrays.equals(input, that.input) && accessList.equals(that.accessList);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, chainId, nonce, gasPrice, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value,
                Arrays.hashCode(input), accessList);
    }

    @Override
    public String toString() {
        return "UnsignedTransaction[type=" + type + ", chainId=" + chainId + ", nonce=" + nonce + ", to=" + to
                + ", value=" + value + ", gasLimit=" + gasLimit + ", input=" + input.length + " bytes]";
    }
}
