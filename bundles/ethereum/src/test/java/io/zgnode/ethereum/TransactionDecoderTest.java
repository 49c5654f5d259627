package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.Keccak256;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.crypto.PublicKey;
import io.zgnode.crypto.Secp256k1;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionDecoderTest {
    /** The example of EIP-155. */
    static final PrivateKey EIP155_KEY = PrivateKey.of(Hex.decode("0x" + "46".repeat(32)));
    static final String EIP155_RAW = "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000"
            + "8025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc6"
            + "4214b297fb1966a3b6d83";
    static final BigInteger GWEI = BigInteger.TEN.pow(9);
    static final BigInteger N = new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    static UnsignedTransaction eip155Fields() {
        return UnsignedTransaction.legacy(1L, 9, GWEI.multiply(BigInteger.valueOf(20)), 21_000,
                Address.of("0x3535353535353535353535353535353535353535"), BigInteger.TEN.pow(18), new byte[0]);
    }

    @Test
    void eip155Example() throws Exception {
        UnsignedTransaction unsigned = eip155Fields();
        assertThat(Hex.encode(unsigned.signingPayload()))
                .isEqualTo("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080");
        assertThat(unsigned.signingHash()).isEqualTo(Hash.of("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"));
        Transaction signed = unsigned.sign(EIP155_KEY);
        assertThat(Hex.encode(signed.raw())).isEqualTo(EIP155_RAW);

        Transaction decoded = TransactionDecoder.decode(Hex.decode(EIP155_RAW));
        Transactions.assertSame(decoded, signed);
        assertThat(decoded.type()).isEqualTo(Transaction.LEGACY);
        assertThat(decoded.chainId()).isEqualTo(1L);
        assertThat(decoded.v()).isEqualTo(BigInteger.valueOf(37));
        assertThat(decoded.r()).isEqualTo(new BigInteger("28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276", 16));
        assertThat(decoded.from()).isEqualTo(Address.of("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"));
        assertThat(decoded.hash()).isEqualTo(Hash.of(Keccak256.hash(Hex.decode(EIP155_RAW))));
        assertThat(decoded.gasPrice()).isEqualTo(GWEI.multiply(BigInteger.valueOf(20)));
        assertThat(decoded.feeCap()).isEqualTo(decoded.tipCap()).isEqualTo(decoded.gasPrice());
        assertThat(TransactionDecoder.signingHash(decoded)).isEqualTo(unsigned.signingHash());
        assertThat(UnsignedTransaction.of(decoded)).isEqualTo(unsigned);
    }

    /** What we sign, we decode back to the same transaction: every type, random fields. */
    @Test
    void decodesWhatItSigns() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            PrivateKey key = PrivateKey.of(Values.bytes(random, 32));
            UnsignedTransaction unsigned = Transactions.random(random, round % 3);
            Transaction signed = unsigned.sign(key);
            Transaction decoded = TransactionDecoder.decode(signed.raw());
            Transactions.assertSame(decoded, signed);
            assertThat(decoded.from()).isEqualTo(Addresses.of(key.publicKey()));
            assertThat(decoded.hash()).isEqualTo(Hash.of(Keccak256.hash(signed.raw())));
            assertThat(UnsignedTransaction.of(decoded)).isEqualTo(unsigned);
            assertThat(TransactionDecoder.signingHash(decoded)).isEqualTo(unsigned.signingHash());
            if (unsigned.type() != Transaction.LEGACY) {
                assertThat(signed.raw()[0]).isEqualTo((byte) unsigned.type());
                assertThat(decoded.v()).isBetween(BigInteger.ZERO, BigInteger.ONE);
            }
        }
    }

    @Test
    void preEip155Legacy() throws Exception {
        UnsignedTransaction unprotected = UnsignedTransaction.legacy(null, 0, GWEI, 21_000, null, BigInteger.ZERO, new byte[] {1});
        Transaction signed = unprotected.sign(EIP155_KEY);
        Transaction decoded = TransactionDecoder.decode(signed.raw());
        assertThat(decoded.chainId()).isNull();
        assertThat(decoded.v()).isIn(BigInteger.valueOf(27), BigInteger.valueOf(28));
        assertThat(decoded.isContractCreation()).isTrue();
        assertThat(decoded.from()).isEqualTo(Address.of(EIP155_KEY.address()));
    }

    @Test
    void decodesInParallel() throws Exception {
        Random random = new Random(12);
        List<Transaction> signed = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            signed.add(Transactions.random(random, i % 3).sign(PrivateKey.of(Values.bytes(random, 32))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Transaction>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Transaction tx : signed) {
                    futures.add(pool.submit(() -> TransactionDecoder.decode(tx.raw())));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                Transactions.assertSame(futures.get(i).get(), signed.get(i % signed.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "''             | empty transaction",
        "0x04f8         | unsupported transaction type 0x04",
        "0x03c0         | unsupported transaction type 0x03",
        "0x00           | unsupported transaction type 0x00",
        "0x7f           | unsupported transaction type 0x7f",
        "0x80           | malformed RLP: a transaction is a list, or a type byte and a list; found a string",
        "0xb8           | malformed RLP: a transaction is a list, or a type byte and a list; found a string",
        "0x02           | malformed RLP: transaction is empty",
        "0x0280         | malformed RLP: transaction is not a list",
        "0x02c0c0       | malformed RLP: 1 trailing bytes after the transaction",
        "0xc0           | legacy transaction has 0 fields, expected 9",
        "0x01c0         | EIP-2930 transaction has 0 fields, expected 11",
        "0x02c3010203   | EIP-1559 transaction has 3 fields, expected 12",
        "0xc9018181       | malformed RLP: item of 9 bytes at offset 0 exceeds the 3 bytes left",
    })
    void rejectsMalformedEnvelopes(String hex, String message) {
        assertThatThrownBy(() -> TransactionDecoder.decode(Hex.decode(hex)))
                .isInstanceOf(InvalidTransactionException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsTrailingAndMissingBytes() throws Exception {
        byte[] raw = Hex.decode(EIP155_RAW);
        byte[] longer = Arrays.copyOf(raw, raw.length + 1);
        assertInvalid(longer, "malformed RLP: 1 trailing bytes after the transaction");
        byte[] shorter = Arrays.copyOf(raw, raw.length - 1);
        assertInvalid(shorter, "malformed RLP: item of 108 bytes at offset 0 exceeds the 107 bytes left");
    }

    /** Legacy fields, one at a time made wrong: each reported by name. */
    @Test
    void rejectsBadLegacyFields() {
        assertInvalid(legacy(0, RlpItem.of(new byte[] {0, 9})), "malformed RLP: nonce has leading zero bytes");
        assertInvalid(legacy(0, RlpItem.of(BigInteger.ONE.shiftLeft(63))), "nonce does not fit in 63 bits");
        assertInvalid(legacy(0, RlpItem.list()), "malformed RLP: nonce must be a string, found a list");
        assertInvalid(legacy(1, RlpItem.of(BigInteger.ONE.shiftLeft(256))), "gas price does not fit in 256 bits");
        assertInvalid(legacy(2, RlpItem.of(BigInteger.ONE.shiftLeft(63))), "gas limit does not fit in 63 bits");
        assertInvalid(legacy(3, RlpItem.of(new byte[19])), "to must be empty or 20 bytes, found 19");
        assertInvalid(legacy(3, RlpItem.list()), "malformed RLP: to must be a string, found a list");
        assertInvalid(legacy(4, RlpItem.of(new byte[] {0})), "malformed RLP: value has leading zero bytes");
        assertInvalid(legacy(5, RlpItem.list()), "malformed RLP: input must be a string, found a list");
        assertInvalid(legacy(6, RlpItem.of(29)), "invalid v 29: expected 27, 28 or chainId * 2 + 35 or 36");
        assertInvalid(legacy(6, RlpItem.of(0)), "invalid v 0: expected 27, 28 or chainId * 2 + 35 or 36");
        assertInvalid(legacy(6, RlpItem.of(34)), "invalid v 34: expected 27, 28 or chainId * 2 + 35 or 36");
        assertInvalid(legacy(6, RlpItem.of(BigInteger.ONE.shiftLeft(70))), "chain id in v does not fit in 63 bits");
        assertInvalid(legacy(7, RlpItem.of(0)), "invalid signature: signature r is not in [1, n-1]");
        assertInvalid(legacy(7, RlpItem.of(N)), "invalid signature: signature r is not in [1, n-1]");
        assertInvalid(legacy(8, RlpItem.of(0)), "invalid signature: signature s is not in [1, n-1]");
        assertInvalid(legacy(7, RlpItem.of(new byte[33])), "malformed RLP: r has leading zero bytes");
    }

    @Test
    void rejectsHighS() throws Exception {
        Transaction signed = eip155Fields().sign(EIP155_KEY);
        // (r, n - s) with the other recovery id is the same signature: valid ECDSA, refused since EIP-2
        List<RlpItem> fields = new ArrayList<>(RlpItem.decode(signed.raw()).items());
        fields.set(6, RlpItem.of(signed.v().xor(BigInteger.ONE)));
        fields.set(8, RlpItem.of(N.subtract(signed.s())));
        assertInvalid(RlpItem.list(fields).encode(), "invalid signature: signature s is greater than n/2 (EIP-2 requires low s)");
    }

    @Test
    void rejectsSignaturesThatRecoverNoKey() {
        // x = 5 is not the x-coordinate of a point on secp256k1 (5^3 + 7 = 132 is not a square mod p)
        assertInvalid(legacy(7, RlpItem.of(5)), "invalid signature: signature r is not the x-coordinate of a point on secp256k1");
    }

    @Test
    void aDifferentChainIdRecoversADifferentSender() throws Exception {
        Transaction signed = eip155Fields().sign(EIP155_KEY);
        List<RlpItem> fields = new ArrayList<>(RlpItem.decode(signed.raw()).items());
        fields.set(6, RlpItem.of(signed.v().add(BigInteger.TWO)));
        Transaction replayed = TransactionDecoder.decode(RlpItem.list(fields).encode());
        assertThat(replayed.chainId()).isEqualTo(2L);
        assertThat(replayed.from()).isNotEqualTo(signed.from());
    }

    /** Typed fields, one at a time made wrong. */
    @Test
    void rejectsBadTypedFields() {
        assertInvalid(typed(2, 0, RlpItem.of(BigInteger.ONE.shiftLeft(63))), "chain id does not fit in 63 bits");
        assertInvalid(typed(2, 2, RlpItem.of(BigInteger.ONE.shiftLeft(256))), "max priority fee per gas does not fit in 256 bits");
        assertInvalid(typed(2, 3, RlpItem.of(new byte[] {0, 1})), "malformed RLP: max fee per gas has leading zero bytes");
        assertInvalid(typed(1, 2, RlpItem.of(BigInteger.ONE.shiftLeft(256))), "gas price does not fit in 256 bits");
        assertInvalid(typed(2, 8, RlpItem.of(1)), "malformed RLP: access list must be a list, found a string");
        assertInvalid(typed(2, 8, RlpItem.list(RlpItem.of(1))), "malformed RLP: access list entry 0 must be a list, found a string");
        assertInvalid(typed(2, 8, RlpItem.list(RlpItem.list(RlpItem.of(new byte[20])))),
                "malformed RLP: access list entry 0 must be [address, storage keys]");
        assertInvalid(typed(2, 8, RlpItem.list(RlpItem.list(RlpItem.of(new byte[19]), RlpItem.list()))),
                "malformed RLP: access list entry 0 address must be 20 bytes, found 19");
        assertInvalid(typed(2, 8, RlpItem.list(RlpItem.list(RlpItem.of(new byte[20]), RlpItem.of(1)))),
                "malformed RLP: access list entry 0 storage keys must be a list, found a string");
        assertInvalid(typed(2, 8, RlpItem.list(RlpItem.list(RlpItem.of(new byte[20]), RlpItem.list(RlpItem.of(new byte[31]))))),
                "malformed RLP: access list entry 0 storage key must be 32 bytes, found 31");
        assertInvalid(typed(1, 8, RlpItem.of(2)), "y parity must be 0 or 1, found 2");
        assertInvalid(typed(2, 9, RlpItem.of(2)), "y parity must be 0 or 1, found 2");
        assertInvalid(typed(2, 9, RlpItem.of(new byte[] {0})), "malformed RLP: y parity has leading zero bytes");
        assertInvalid(typed(2, 10, RlpItem.of(0)), "invalid signature: signature r is not in [1, n-1]");
    }

    @Test
    void decodingWithTheKeyGivesTheKeyTheSenderWasRecoveredAs() throws Exception {
        Transaction signed = eip155Fields().sign(EIP155_KEY);
        TransactionDecoder.Recovered recovered = TransactionDecoder.decodeWithKey(signed.raw());
        assertThat(recovered.senderKey()).isEqualTo(EIP155_KEY.publicKey());
        assertThat(recovered.transaction()).isEqualTo(TransactionDecoder.decode(signed.raw()));
    }

    /** A claimed sender is taken as given; its claim checks out only for the real signer. */
    @Test
    void aClaimedSenderIsDecodedUncheckedWithAClaimThatHoldsOnlyForTheSigner() throws Exception {
        Random random = new Random(5);
        Transaction signed = Transactions.random(random, 2).sign(EIP155_KEY);
        PublicKey stranger = PrivateKey.of(Values.bytes(random, 32)).publicKey();

        TransactionDecoder.Claimed honest = TransactionDecoder.decodeClaimed(signed.raw(), EIP155_KEY.publicKey());
        TransactionDecoder.Claimed lying = TransactionDecoder.decodeClaimed(signed.raw(), stranger);

        assertThat(honest.transaction()).isEqualTo(TransactionDecoder.decode(signed.raw()));
        assertThat(lying.transaction().from()).isEqualTo(Address.of(stranger.address()));
        assertThat(Secp256k1.recoverToClaimedKeys(List.of(honest.claim()), Secp256k1.HighS.REJECT)).isTrue();
        assertThat(Secp256k1.recoverToClaimedKeys(List.of(lying.claim()), Secp256k1.HighS.REJECT)).isFalse();
    }

    @Test
    void aClaimedSenderDoesNotExcuseABadEncodingOrAHighS() {
        Transaction signed = eip155Fields().sign(EIP155_KEY);
        List<RlpItem> fields = new ArrayList<>(RlpItem.decode(signed.raw()).items());
        fields.set(8, RlpItem.of(N.subtract(signed.s())));
        byte[] highS = RlpItem.list(fields).encode();
        assertThatThrownBy(() -> TransactionDecoder.decodeClaimed(highS, EIP155_KEY.publicKey()))
                .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("greater than n/2");
        assertThatThrownBy(() -> TransactionDecoder.decodeClaimed(typed(2, 2, RlpItem.of(BigInteger.ONE.shiftLeft(256))), EIP155_KEY.publicKey()))
                .isInstanceOf(InvalidTransactionException.class).hasMessage("max priority fee per gas does not fit in 256 bits");
    }

    /** The EIP-155 example's fields with field {@code index} replaced. */
    private static byte[] legacy(int index, RlpItem replacement) {
        List<RlpItem> fields = new ArrayList<>(RlpItem.decode(Hex.decode(EIP155_RAW)).items());
        fields.set(index, replacement);
        return RlpItem.list(fields).encode();
    }

    /** A signed type 1 or 2 transaction with field {@code index} (counted after the chain id's) replaced. */
    private static byte[] typed(int type, int index, RlpItem replacement) {
        Random random = new Random(type * 100 + index);
        Transaction signed = Transactions.random(random, type).sign(EIP155_KEY);
        List<RlpItem> fields = new ArrayList<>(RlpItem.decode(Arrays.copyOfRange(signed.raw(), 1, signed.raw().length)).items());
        fields.set(index, replacement);
        byte[] list = RlpItem.list(fields).encode();
        byte[] raw = new byte[list.length + 1];
        raw[0] = (byte) type;
        System.arraycopy(list, 0, raw, 1, list.length);
        return raw;
    }

    private static void assertInvalid(byte[] raw, String message) {
        assertThatThrownBy(() -> TransactionDecoder.decode(raw)).isInstanceOf(InvalidTransactionException.class).hasMessage(message);
    }
}
