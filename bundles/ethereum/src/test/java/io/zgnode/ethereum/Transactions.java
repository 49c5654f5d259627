package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;

import io.zgnode.api.chain.AccessListEntry;
import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random unsigned transactions of every type, and field-by-field comparison (records compare arrays by identity). */
final class Transactions {
    private Transactions() {
    }

    static UnsignedTransaction random(Random random, int type) {
        Long chainId = type == Transaction.LEGACY && random.nextInt(4) == 0 ? null : randomChainId(random);
        long nonce = random.nextInt(3) == 0 ? random.nextInt(5) : random.nextLong() >>> 1 + random.nextInt(40);
        long gasLimit = random.nextInt(3) == 0 ? 21_000 : random.nextLong() >>> 1 + random.nextInt(40);
        Address to = random.nextInt(5) == 0 ? null : Address.of(Values.bytes(random, 20));
        BigInteger value = uint(random, 256);
        byte[] input = Values.bytes(random, random.nextInt(3) == 0 ? 0 : random.nextInt(300));
        switch (type) {
            case Transaction.LEGACY:
                return UnsignedTransaction.legacy(chainId, nonce, uint(random, 256), gasLimit, to, value, input);
            case Transaction.ACCESS_LIST:
                return UnsignedTransaction.eip2930(chainId, nonce, uint(random, 256), gasLimit, to, value, input, accessList(random));
            default:
                return UnsignedTransaction.eip1559(chainId, nonce, uint(random, 128), uint(random, 256), gasLimit, to, value, input,
                        accessList(random));
        }
    }

    /** Never 0: web3j 4.12.3 signs a legacy transaction for chain 0 without EIP-155 yet writes v = 35/36. */
    private static long randomChainId(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return 1;
            case 1:
                return 16_600; // a 0G testnet-style id
            case 2:
                return 1 + random.nextInt(100_000);
            default:
                return Math.max(1, random.nextLong() >>> (1 + random.nextInt(63)));
        }
    }

    static BigInteger uint(Random random, int maxBits) {
        return random.nextInt(4) == 0 ? BigInteger.ZERO : new BigInteger(random.nextInt(maxBits + 1), random);
    }

    static List<AccessListEntry> accessList(Random random) {
        List<AccessListEntry> entries = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            List<Hash> keys = new ArrayList<>();
            for (int k = random.nextInt(3); k > 0; k--) {
                keys.add(Hash.of(Values.bytes(random, 32)));
            }
            entries.add(new AccessListEntry(Address.of(Values.bytes(random, 20)), keys));
        }
        return entries;
    }

    /** Every field of two transactions, arrays by content. */
    static void assertSame(Transaction actual, Transaction expected) {
        assertThat(actual.type()).isEqualTo(expected.type());
        assertThat(actual.chainId()).isEqualTo(expected.chainId());
        assertThat(actual.nonce()).isEqualTo(expected.nonce());
        assertThat(actual.gasPrice()).isEqualTo(expected.gasPrice());
        assertThat(actual.maxPriorityFeePerGas()).isEqualTo(expected.maxPriorityFeePerGas());
        assertThat(actual.maxFeePerGas()).isEqualTo(expected.maxFeePerGas());
        assertThat(actual.gasLimit()).isEqualTo(expected.gasLimit());
        assertThat(actual.to()).isEqualTo(expected.to());
        assertThat(actual.value()).isEqualTo(expected.value());
        assertThat(actual.input()).isEqualTo(expected.input());
        assertThat(actual.accessList()).isEqualTo(expected.accessList());
        assertThat(actual.v()).isEqualTo(expected.v());
        assertThat(actual.r()).isEqualTo(expected.r());
        assertThat(actual.s()).isEqualTo(expected.s());
        assertThat(actual.hash()).isEqualTo(expected.hash());
        assertThat(actual.from()).isEqualTo(expected.from());
        assertThat(actual.raw()).isEqualTo(expected.raw());
    }
}
