package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.zgnode.api.chain.AccessListEntry;
import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.PrivateKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.ITransaction;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.crypto.transaction.type.Transaction2930;
import org.web3j.utils.Numeric;

/** Our transactions against web3j's, both ways, for every type. */
class TransactionWeb3jCrossCheckTest {
    private static final int ROUNDS = 200;

    /** web3j signs; we decode the same fields, sender and hash; and our signature of the same fields is web3j's, byte for byte. */
    @Test
    void decodesWhatWeb3jSigns() throws Exception {
        Random random = new Random(21);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] secret = Values.bytes(random, 32);
            Credentials credentials = Credentials.create(Numeric.toHexStringWithPrefixZeroPadded(new BigInteger(1, secret), 64));
            UnsignedTransaction fields = Transactions.random(random, round % 3);
            byte[] web3jRaw = web3jSign(fields, credentials);

            Transaction decoded = TransactionDecoder.decode(web3jRaw);
            assertThat(UnsignedTransaction.of(decoded)).isEqualTo(fields);
            assertThat(decoded.from()).isEqualTo(Address.of(credentials.getAddress()));
            assertThat(decoded.hash().toString()).isEqualTo(org.web3j.crypto.Hash.sha3(Hex.encode(web3jRaw)));
            assertThat(fields.sign(PrivateKey.of(secret)).raw()).isEqualTo(web3jRaw);
        }
    }

    /** We sign; web3j decodes the same fields and recovers the same sender. */
    @Test
    void web3jDecodesWhatWeSign() throws Exception {
        Random random = new Random(22);
        for (int round = 0; round < ROUNDS; round++) {
            PrivateKey key = PrivateKey.of(Values.bytes(random, 32));
            UnsignedTransaction fields = Transactions.random(random, round % 3);
            Transaction ours = fields.sign(key);
            SignedRawTransaction theirs = (SignedRawTransaction) org.web3j.crypto.TransactionDecoder.decode(Hex.encode(ours.raw()));
            assertThat(theirs.getFrom()).isEqualTo(ours.from().toString());
            assertThat(theirs.getNonce()).isEqualTo(BigInteger.valueOf(fields.nonce()));
            assertThat(theirs.getGasLimit()).isEqualTo(BigInteger.valueOf(fields.gasLimit()));
            assertThat(theirs.getValue()).isEqualTo(fields.value());
            assertThat(Numeric.hexStringToByteArray(theirs.getData())).isEqualTo(fields.input());
            assertThat(theirs.getTo()).isEqualTo(fields.to() == null ? "0x" : fields.to().toString());
            ITransaction typed = theirs.getTransaction();
            if (fields.type() == Transaction.LEGACY) {
                assertThat(theirs.getGasPrice()).isEqualTo(fields.gasPrice());
                assertThat(theirs.getChainId()).isEqualTo(fields.chainId());
            } else if (fields.type() == Transaction.ACCESS_LIST) {
                Transaction2930 eip2930 = (Transaction2930) typed;
                assertThat(eip2930.getChainId()).isEqualTo(fields.chainId());
                assertThat(eip2930.getGasPrice()).isEqualTo(fields.gasPrice());
                assertThat(fromWeb3j(eip2930.getAccessList())).isEqualTo(fields.accessList());
            } else {
                Transaction1559 eip1559 = (Transaction1559) typed;
                assertThat(eip1559.getChainId()).isEqualTo(fields.chainId());
                assertThat(eip1559.getMaxPriorityFeePerGas()).isEqualTo(fields.maxPriorityFeePerGas());
                assertThat(eip1559.getMaxFeePerGas()).isEqualTo(fields.maxFeePerGas());
                assertThat(fromWeb3j(eip1559.getAccessList())).isEqualTo(fields.accessList());
            }
            assertThat(TransactionEncoder.encode(theirs, theirs.getSignatureData())).isEqualTo(ours.raw());
        }
    }

    private static byte[] web3jSign(UnsignedTransaction tx, Credentials credentials) {
        String to = tx.to() == null ? "" : tx.to().toString();
        String data = Hex.encode(tx.input());
        BigInteger nonce = BigInteger.valueOf(tx.nonce());
        BigInteger gasLimit = BigInteger.valueOf(tx.gasLimit());
        switch (tx.type()) {
            case Transaction.LEGACY: {
                RawTransaction raw = RawTransaction.createTransaction(nonce, tx.gasPrice(), gasLimit, to, tx.value(), data);
                return tx.chainId() == null
                        ? TransactionEncoder.signMessage(raw, credentials)
                        : TransactionEncoder.signMessage(raw, tx.chainId(), credentials);
            }
            case Transaction.ACCESS_LIST:
                return TransactionEncoder.signMessage(RawTransaction.createTransaction(tx.chainId(), nonce, tx.gasPrice(), gasLimit,
                        to, tx.value(), data, toWeb3j(tx.accessList())), credentials);
            default:
                return TransactionEncoder.signMessage(RawTransaction.createTransaction(tx.chainId(), nonce, gasLimit, to, tx.value(),
                        data, tx.maxPriorityFeePerGas(), tx.maxFeePerGas(), toWeb3j(tx.accessList())), credentials);
        }
    }

    private static List<AccessListObject> toWeb3j(List<AccessListEntry> entries) {
        List<AccessListObject> objects = new ArrayList<>();
        for (AccessListEntry entry : entries) {
            objects.add(new AccessListObject(entry.address().toString(), entry.storageKeys().stream().map(Hash::toString).toList()));
        }
        return objects;
    }

    private static List<AccessListEntry> fromWeb3j(List<AccessListObject> objects) {
        List<AccessListEntry> entries = new ArrayList<>();
        for (AccessListObject object : objects) {
            entries.add(new AccessListEntry(Address.of(object.getAddress()), object.getStorageKeys().stream().map(Hash::of).toList()));
        }
        return entries;
    }
}
