package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zgnode.api.chain.AccessListEntry;
import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import io.zgnode.crypto.Hex;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnsignedTransactionTest {
    private static final Address TO = Address.of("0x3535353535353535353535353535353535353535");
    private static final BigInteger ONE = BigInteger.ONE;

    @Test
    void checksFieldsAgainstTheType() {
        assertThatThrownBy(() -> new UnsignedTransaction(3, 1L, 0, null, ONE, ONE, 0, TO, ONE, null, null))
                .hasMessage("unsupported transaction type 3");
        assertThatThrownBy(() -> new UnsignedTransaction(2, null, 0, null, ONE, ONE, 0, TO, ONE, null, null))
                .hasMessage("a type 2 transaction needs a chain id");
        assertThatThrownBy(() -> UnsignedTransaction.legacy(-1L, 0, ONE, 0, TO, ONE, null))
                .hasMessage("chain id must not be negative, got -1");
        assertThatThrownBy(() -> UnsignedTransaction.legacy(1L, -1, ONE, 0, TO, ONE, null))
                .hasMessage("nonce and gas limit must not be negative, got -1 and 0");
        assertThatThrownBy(() -> new UnsignedTransaction(2, 1L, 0, ONE, ONE, ONE, 0, TO, ONE, null, null))
                .hasMessage("a type 2 transaction has no gas price");
        assertThatThrownBy(() -> new UnsignedTransaction(0, 1L, 0, ONE, ONE, null, 0, TO, ONE, null, null))
                .hasMessage("a type 0 transaction has no max priority fee per gas");
        assertThatThrownBy(() -> UnsignedTransaction.eip1559(1, 0, null, ONE, 0, TO, ONE, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("max priority fee per gas");
        assertThatThrownBy(() -> UnsignedTransaction.legacy(1L, 0, ONE, 0, TO, ONE.shiftLeft(256), null))
                .hasMessage("value must be an unsigned 256-bit integer, got " + ONE.shiftLeft(256));
        assertThatThrownBy(() -> UnsignedTransaction.eip2930(1, 0, ONE.negate(), 0, TO, ONE, null, null))
                .hasMessage("gas price must be an unsigned 256-bit integer, got -1");
        assertThatThrownBy(() -> new UnsignedTransaction(0, 1L, 0, ONE, null, null, 0, TO, ONE, null,
                List.of(new AccessListEntry(TO, List.of())))).hasMessage("a legacy transaction has no access list");
    }

    @Test
    void isImmutableAndComparable() {
        byte[] input = {1, 2};
        UnsignedTransaction tx = UnsignedTransaction.eip1559(5, 1, ONE, ONE, 21_000, TO, ONE, input, null);
        input[0] = 9;
        tx.input()[1] = 9;
        assertThat(tx.input()).containsExactly(1, 2);
        assertThat(tx.accessList()).isEmpty();
        UnsignedTransaction same = UnsignedTransaction.eip1559(5, 1, ONE, ONE, 21_000, TO, ONE, new byte[] {1, 2}, List.of());
        assertThat(tx).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(tx).isNotEqualTo(UnsignedTransaction.eip1559(5, 1, ONE, ONE, 21_000, TO, ONE, new byte[] {1, 3}, List.of()));
        assertThat(tx.toString()).isEqualTo("UnsignedTransaction[type=2, chainId=5, nonce=1, to=" + TO
                + ", value=1, gasLimit=21000, input=2 bytes]");
        assertThat(UnsignedTransaction.legacy(null, 0, ONE, 0, null, ONE, null).input()).isEmpty();
    }

    /** Typed signing payloads are the type byte and the RLP list of the fields (EIP-2718). */
    @Test
    void typedSigningPayloads() {
        Hash key = Hash.of("0x" + "01".repeat(32));
        UnsignedTransaction tx = UnsignedTransaction.eip2930(1, 0, ONE, 21_000, TO, BigInteger.ZERO, new byte[0],
                List.of(new AccessListEntry(TO, List.of(key))));
        assertThat(Hex.encode(tx.signingPayload())).isEqualTo("0x01f857" + "01" + "80" + "01" + "825208" + "94" + "35".repeat(20)
                + "80" + "80" + "f838" + "f7" + "94" + "35".repeat(20) + "e1" + "a0" + "01".repeat(32));
        UnsignedTransaction dynamic = UnsignedTransaction.eip1559(1, 0, ONE, BigInteger.TWO, 21_000, null, BigInteger.ZERO,
                new byte[0], null);
        assertThat(Hex.encode(dynamic.signingPayload())).isEqualTo("0x02cb" + "01" + "80" + "01" + "02" + "825208" + "80" + "80" + "80" + "c0");
        Transaction signed = dynamic.sign(TransactionDecoderTest.EIP155_KEY);
        assertThat(signed.type()).isEqualTo(Transaction.DYNAMIC_FEE);
        assertThat(signed.gasPrice()).isNull();
        assertThat(signed.feeCap()).isEqualTo(BigInteger.TWO);
        assertThat(signed.tipCap()).isEqualTo(ONE);
        assertThat(signed.effectiveGasPrice(BigInteger.ZERO)).isEqualTo(ONE);
    }
}
