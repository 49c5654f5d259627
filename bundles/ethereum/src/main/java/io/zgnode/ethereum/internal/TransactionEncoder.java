package io.zgnode.ethereum.internal;

import io.zgnode.api.chain.AccessListEntry;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import io.zgnode.ethereum.UnsignedTransaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The RLP of transactions to sign and signed ones, field by field as each type defines them. */
public final class TransactionEncoder {
    private TransactionEncoder() {
    }

    /** The bytes whose Keccak-256 the sender signs. */
    public static byte[] signingPayload(UnsignedTransaction tx) {
        List<byte[]> fields = fields(tx);
        if (tx.type() == Transaction.LEGACY) {
            if (tx.chainId() != null) {
                fields.add(RlpWriter.integer(tx.chainId()));
                fields.add(RlpWriter.integer(0));
                fields.add(RlpWriter.integer(0));
            }
            return RlpWriter.list(fields);
        }
        return typed(tx.type(), RlpWriter.list(fields));
    }

    /** The signed encoding, with v as the type wants it (see {@link Transaction#v()}). */
    public static byte[] signed(UnsignedTransaction tx, BigInteger v, BigInteger r, BigInteger s) {
        List<byte[]> fields = fields(tx);
        fields.add(RlpWriter.integer(v));
        fields.add(RlpWriter.integer(r));
        fields.add(RlpWriter.integer(s));
        byte[] list = RlpWriter.list(fields);
        return tx.type() == Transaction.LEGACY ? list : typed(tx.type(), list);
    }

    private static byte[] typed(int type, byte[] list) {
        byte[] out = new byte[1 + list.length];
        out[0] = (byte) type;
        System.arraycopy(list, 0, out, 1, list.length);
        return out;
    }

    private static List<byte[]> fields(UnsignedTransaction tx) {
        List<byte[]> fields = new ArrayList<>(12);
        if (tx.type() != Transaction.LEGACY) {
            fields.add(RlpWriter.integer(tx.chainId()));
        }
        fields.add(RlpWriter.integer(tx.nonce()));
        if (tx.type() == Transaction.DYNAMIC_FEE) {
            fields.add(RlpWriter.integer(tx.maxPriorityFeePerGas()));
            fields.add(RlpWriter.integer(tx.maxFeePerGas()));
        } else {
            fields.add(RlpWriter.integer(tx.gasPrice()));
        }
        fields.add(RlpWriter.integer(tx.gasLimit()));
        fields.add(RlpWriter.string(tx.to() == null ? Bytes.EMPTY : tx.to().toArray()));
        fields.add(RlpWriter.integer(tx.value()));
        fields.add(RlpWriter.string(tx.input()));
        if (tx.type() != Transaction.LEGACY) {
            fields.add(accessList(tx.accessList()));
        }
        return fields;
    }

    private static byte[] accessList(List<AccessListEntry> entries) {
        List<byte[]> encoded = new ArrayList<>(entries.size());
        for (AccessListEntry entry : entries) {
            List<byte[]> keys = new ArrayList<>(entry.storageKeys().size());
            for (Hash key : entry.storageKeys()) {
                keys.add(RlpWriter.string(key.toArray()));
            }
            encoded.add(RlpWriter.list(RlpWriter.string(entry.address().toArray()), RlpWriter.list(keys)));
        }
        return RlpWriter.list(encoded);
    }
}
