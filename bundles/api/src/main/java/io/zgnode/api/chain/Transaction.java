package io.zgnode.api.chain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A signed Ethereum transaction as decoded from its raw encoding. Array components are the
 * decoder's own; do not change them.
 *
 * @param type 0 legacy, 1 EIP-2930, 2 EIP-1559
 * @param chainId the chain id it is signed for; {@code null} for a legacy transaction without
 *        EIP-155 replay protection
 * @param gasPrice the gas price of types 0 and 1; {@code null} for type 2
 * @param maxPriorityFeePerGas type 2 only, else {@code null}
 * @param maxFeePerGas type 2 only, else {@code null}
 * @param to the recipient; {@code null} for a contract creation
 * @param v the signature's v as encoded: 27/28 or {@code chainId * 2 + 35/36} for legacy, the y
 *        parity 0/1 for typed transactions
 * @param hash Keccak-256 of {@link #raw}
 * @param from the sender recovered from the signature
 * @param raw the signed encoding, as sent to eth_sendRawTransaction
 */
public record Transaction(int type, Long chainId, long nonce, BigInteger gasPrice, BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerGas, long gasLimit, Address to, BigInteger value, byte[] input, List<AccessListEntry> accessList,
        BigInteger v, BigInteger r, BigInteger s, Hash hash, Address from, byte[] raw) {

    public static final int LEGACY = 0;
    public static final int ACCESS_LIST = 1;
    public static final int DYNAMIC_FEE = 2;

    public Transaction {
        accessList = accessList == null ? List.of() : List.copyOf(accessList);
    }

    /** The most the sender pays per gas: {@code gasPrice}, or {@code maxFeePerGas} for type 2. */
    public BigInteger feeCap() {
        return type == DYNAMIC_FEE ? maxFeePerGas : gasPrice;
    }

    /** The most the sender tips per gas above the base fee. */
    public BigInteger tipCap() {
        return type == DYNAMIC_FEE ? maxPriorityFeePerGas : gasPrice;
    }

    /** What the sender pays per gas in a block with {@code baseFee}: min(feeCap, baseFee + tipCap). */
    public BigInteger effectiveGasPrice(BigInteger baseFee) {
        return feeCap().min(baseFee.add(tipCap()));
    }

    public boolean isContractCreation() {
        return to == null;
    }

    /**
     * Equal when the signed bytes and the sender are: the hash and every field follow from the
     * raw encoding.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Transaction t && hash.equals(t.hash) && Arrays.equals(raw, t.raw) && Objects.equals(from, t.from);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }
}
