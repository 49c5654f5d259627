package io.zgnode.ethereum.internal;

import io.zgnode.api.chain.AccessListEntry;
import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.Keccak256;
import io.zgnode.ethereum.InvalidTransactionException;
import io.zgnode.ethereum.RlpException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a raw signed transaction's fields in place and computes its hash and signing hash
 * without re-encoding anything: the signing payload is the same bytes as the signed one, minus
 * the signature fields, under a new list header (plus chain id, 0, 0 for EIP-155). Everything
 * but recovering the sender, which {@link io.zgnode.ethereum.TransactionDecoder} does.
 */
public final class TransactionParser {
    private static final BigInteger V_27 = BigInteger.valueOf(27);
    private static final BigInteger V_28 = BigInteger.valueOf(28);
    private static final BigInteger V_35 = BigInteger.valueOf(35);
    private static final int WORD = 32;

    /** The fields of a signed transaction, its hashes, and the signature's recovery id. */
    public record Parsed(int type, Long chainId, long nonce, BigInteger gasPrice, BigInteger maxPriorityFeePerGas,
            BigInteger maxFeePerGas, long gasLimit, Address to, BigInteger value, byte[] input,
            List<AccessListEntry> accessList, BigInteger v, BigInteger r, BigInteger s, int recoveryId,
            byte[] signingHash, byte[] hash) {
    }

    private TransactionParser() {
    }

    public static Parsed parse(byte[] raw) throws InvalidTransactionException {
        if (raw.length == 0) {
            throw new InvalidTransactionException("empty transaction");
        }
        int first = raw[0] & 0xff;
        try {
            if (first >= 0xc0) {
                return legacy(raw);
            }
            if (first == Transaction.ACCESS_LIST || first == Transaction.DYNAMIC_FEE) {
                return typed(raw, first);
            }
            if (first < 0x80) {
                throw new InvalidTransactionException(String.format("unsupported transaction type 0x%02x", first));
            }
            throw new InvalidTransactionException("malformed RLP: a transaction is a list, or a type byte and a list; found a string");
        } catch (RlpException | OutOfRangeException e) {
            throw new InvalidTransactionException(e.getMessage());
        }
    }

    private static Parsed legacy(byte[] raw) throws InvalidTransactionException {
        RlpReader fields = RlpReader.ofList(raw, 0, raw.length, "transaction");
        requireFields(fields, 9, "legacy");
        int unsignedStart = fields.position();
        long nonce = fields.nextLong("nonce");
        BigInteger gasPrice = fields.nextBigInteger("gas price", WORD);
        long gasLimit = fields.nextLong("gas limit");
        Address to = to(fields);
        BigInteger value = fields.nextBigInteger("value", WORD);
        byte[] input = fields.nextString("input").bytes();
        int unsignedEnd = fields.itemEnd();
        BigInteger v = fields.nextBigInteger("v", WORD);
        BigInteger r = fields.nextBigInteger("r", WORD);
        BigInteger s = fields.nextBigInteger("s", WORD);

        Long chainId;
        int recoveryId;
        if (v.equals(V_27) || v.equals(V_28)) {
            chainId = null;
            recoveryId = v.intValue() - 27;
        } else if (v.compareTo(V_35) >= 0) {
            BigInteger offset = v.subtract(V_35);
            BigInteger id = offset.shiftRight(1);
            if (id.bitLength() > 63) {
                throw new InvalidTransactionException("chain id in v does not fit in 63 bits");
            }
            chainId = id.longValue();
            recoveryId = offset.testBit(0) ? 1 : 0;
        } else {
            throw new InvalidTransactionException("invalid v " + v + ": expected 27, 28 or chainId * 2 + 35 or 36");
        }

        int unsignedLength = unsignedEnd - unsignedStart;
        // EIP-155: the six fields, then chain id, 0, 0
        byte[] replayProtection = chainId == null ? new byte[0] : eip155Suffix(chainId);
        byte[] signingHash = Keccak256.hash(signingPayload(new byte[0], RlpWriter.listHeader(unsignedLength + replayProtection.length),
                raw, unsignedStart, unsignedLength, replayProtection));
        byte[] hash = Keccak256.hash(raw);
        return new Parsed(Transaction.LEGACY, chainId, nonce, gasPrice, null, null, gasLimit, to, value, input, List.of(),
                v, r, s, recoveryId, signingHash, hash);
    }

    /** {@code rlp(chainId) || rlp(0) || rlp(0)}: what EIP-155 appends to the signed fields. */
    public static byte[] eip155Suffix(long chainId) {
        byte[] id = RlpWriter.integer(chainId);
        byte[] suffix = new byte[id.length + 2];
        System.arraycopy(id, 0, suffix, 0, id.length);
        suffix[id.length] = (byte) 0x80;
        suffix[id.length + 1] = (byte) 0x80;
        return suffix;
    }

    private static Parsed typed(byte[] raw, int type) throws InvalidTransactionException {
        RlpReader fields = RlpReader.ofList(raw, 1, raw.length, "transaction");
        boolean dynamicFee = type == Transaction.DYNAMIC_FEE;
        requireFields(fields, dynamicFee ? 12 : 11, dynamicFee ? "EIP-1559" : "EIP-2930");
        int unsignedStart = fields.position();
        long chainId = fields.nextLong("chain id");
        long nonce = fields.nextLong("nonce");
        BigInteger gasPrice = null;
        BigInteger maxPriorityFeePerGas = null;
        BigInteger maxFeePerGas = null;
        if (dynamicFee) {
            maxPriorityFeePerGas = fields.nextBigInteger("max priority fee per gas", WORD);
            maxFeePerGas = fields.nextBigInteger("max fee per gas", WORD);
        } else {
            gasPrice = fields.nextBigInteger("gas price", WORD);
        }
        long gasLimit = fields.nextLong("gas limit");
        Address to = to(fields);
        BigInteger value = fields.nextBigInteger("value", WORD);
        byte[] input = fields.nextString("input").bytes();
        List<AccessListEntry> accessList = accessList(fields.nextList("access list"));
        int unsignedEnd = fields.itemEnd();
        long yParity = fields.nextLong("y parity");
        if (yParity > 1) {
            throw new InvalidTransactionException("y parity must be 0 or 1, found " + yParity);
        }
        BigInteger r = fields.nextBigInteger("r", WORD);
        BigInteger s = fields.nextBigInteger("s", WORD);

        int unsignedLength = unsignedEnd - unsignedStart;
        byte[] signingHash = Keccak256.hash(signingPayload(new byte[] {(byte) type}, RlpWriter.listHeader(unsignedLength),
                raw, unsignedStart, unsignedLength, new byte[0]));
        byte[] hash = Keccak256.hash(raw);
        return new Parsed(type, chainId, nonce, gasPrice, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, input,
                accessList, BigInteger.valueOf(yParity), r, s, (int) yParity, signingHash, hash);
    }

    /**
     * prefix || header || raw[start, start + length) || suffix in one array, hashed in one call.
     * Feeding the same bytes to one hasher in four updates (a single byte, then unaligned pieces)
     * made C2-compiled code on JDK 17.0.15 return a wrong hash now and then, for good once the
     * bad compile was installed (about 1 JVM run in 10 under load; a wrong signing hash recovers
     * a wrong sender). From offset 0 in one update the sponge takes its word-wise path, which
     * never went wrong in the same runs.
     */
    private static byte[] signingPayload(byte[] prefix, byte[] header, byte[] raw, int start, int length, byte[] suffix) {
        byte[] payload = new byte[prefix.length + header.length + length + suffix.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        System.arraycopy(header, 0, payload, prefix.length, header.length);
        System.arraycopy(raw, start, payload, prefix.length + header.length, length);
        System.arraycopy(suffix, 0, payload, prefix.length + header.length + length, suffix.length);
        return payload;
    }

    private static void requireFields(RlpReader fields, int expected, String kind) throws InvalidTransactionException {
        int count = fields.remainingItems();
        if (count != expected) {
            throw new InvalidTransactionException(kind + " transaction has " + count + " fields, expected " + expected);
        }
    }

    /** Empty for a contract creation, else 20 bytes. */
    private static Address to(RlpReader fields) throws InvalidTransactionException {
        fields.nextString("to");
        int length = fields.payloadLength();
        if (length == 0) {
            return null;
        }
        if (length != Address.LENGTH) {
            throw new InvalidTransactionException("to must be empty or 20 bytes, found " + length);
        }
        return Address.of(fields.bytes());
    }

    private static List<AccessListEntry> accessList(RlpReader entries) {
        if (!entries.hasNext()) {
            return List.of();
        }
        List<AccessListEntry> accessList = new ArrayList<>();
        while (entries.hasNext()) {
            String what = "access list entry " + accessList.size();
            RlpReader entry = entries.nextList(what);
            if (entry.remainingItems() != 2) {
                throw new RlpException(what + " must be [address, storage keys]");
            }
            Address address = Address.of(entry.nextBytes(what + " address", Address.LENGTH));
            RlpReader keys = entry.nextList(what + " storage keys");
            List<Hash> storageKeys = new ArrayList<>();
            while (keys.hasNext()) {
                storageKeys.add(Hash.of(keys.nextBytes(what + " storage key", Hash.LENGTH)));
            }
            accessList.add(new AccessListEntry(address, storageKeys));
        }
        return accessList;
    }
}
