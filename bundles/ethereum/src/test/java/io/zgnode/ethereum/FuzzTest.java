package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zgnode.crypto.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Round trips over every type shape (including those web3j cannot check), and damaged inputs:
 * a decoder of untrusted bytes may accept them or refuse them with its own exception, never
 * fail in any other way.
 */
class FuzzTest {
    private static final int ROUNDS = 3_000;

    @Test
    void abiRoundTripsOfEveryShape() {
        Random random = new Random(51);
        for (int round = 0; round < ROUNDS; round++) {
            List<AbiType> types = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                AbiType type = Values.randomType(random, 4, true);
                types.add(type);
                values.add(Values.randomValue(random, type));
            }
            byte[] encoded = Abi.encode(types, values);
            assertThat(encoded.length % 32).isZero();
            assertThat(Values.deepEquals(Abi.decode(types, encoded), values)).as("round trip of %s", types).isTrue();
        }
    }

    @Test
    void damagedAbiDataIsRefusedCleanly() {
        Random random = new Random(52);
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<AbiType> types = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int i = random.nextInt(3); i >= 0; i--) {
                AbiType type = Values.randomType(random, 3, true);
                types.add(type);
                values.add(Values.randomValue(random, type));
            }
            byte[] damaged = damage(random, Abi.encode(types, values));
            try {
                Abi.decode(types, damaged);
            } catch (AbiException expected) {
                refused++;
            } catch (RuntimeException e) {
                fail("decoding damaged data of " + types + " threw " + e, e);
            }
        }
        assertThat(refused).isGreaterThan(ROUNDS / 10);
    }

    @Test
    void damagedTransactionsAreRefusedCleanly() {
        Random random = new Random(53);
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] raw = Transactions.random(random, round % 3).sign(PrivateKey.of(Values.bytes(random, 32))).raw();
            byte[] damaged = damage(random, raw);
            try {
                TransactionDecoder.decode(damaged);
            } catch (InvalidTransactionException expected) {
                refused++;
            } catch (RuntimeException e) {
                fail("decoding a damaged transaction threw " + e, e);
            }
        }
        assertThat(refused).isGreaterThan(ROUNDS / 2);
    }

    @Test
    void damagedRlpIsRefusedCleanly() {
        Random random = new Random(54);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] encoded = Transactions.random(random, io.zgnode.api.chain.Transaction.LEGACY).signingPayload();
            byte[] damaged = damage(random, encoded);
            try {
                assertThat(RlpItem.decode(damaged).encode()).as("canonical input re-encodes to itself").isEqualTo(damaged);
            } catch (RlpException expected) {
                // refused
            } catch (RuntimeException e) {
                fail("decoding damaged RLP threw " + e, e);
            }
        }
    }

    /** Flips, inserts, removes or truncates: the damage a buggy or hostile sender does. */
    private static byte[] damage(Random random, byte[] input) {
        byte[] out = input.clone();
        if (out.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        switch (random.nextInt(4)) {
            case 0:
                out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                return out;
            case 1:
                out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                return out;
            case 2:
                return java.util.Arrays.copyOf(out, random.nextInt(out.length));
            default: {
                int at = random.nextInt(out.length);
                byte[] longer = new byte[out.length + 1];
                System.arraycopy(out, 0, longer, 0, at);
                longer[at] = (byte) random.nextInt(256);
                System.arraycopy(out, at, longer, at + 1, out.length - at);
                return longer;
            }
        }
    }
}
