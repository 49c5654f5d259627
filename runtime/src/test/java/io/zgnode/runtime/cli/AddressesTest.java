package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.zgnode.crypto.Hex;
import io.zgnode.runtime.UserError;

class AddressesTest {

    /** The examples of EIP-55. */
    private static final List<String> EIP55 = List.of(
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
            // all caps and all lower, from the same EIP
            "0x52908400098527886E0F7030069857D2E4169EE7",
            "0xde709f2102306220921060314715629080e2fb77");

    @Test
    void checksumsTheExamplesOfEip55() {
        for (String address : EIP55) {
            assertThat(Addresses.toChecksumAddress(address.toLowerCase(Locale.ROOT))).isEqualTo(address);
            assertThat(Addresses.toChecksumAddress("0x" + address.substring(2).toUpperCase(Locale.ROOT))).isEqualTo(address);
            assertThat(Addresses.toChecksumAddress(Hex.decode(address))).isEqualTo(address);
        }
    }

    @Test
    void parsesAddressesInOneCaseOrWithACorrectChecksum() {
        byte[] expected = Hex.decode("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        assertThat(Addresses.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "ADDRESS")).isEqualTo(expected);
        assertThat(Addresses.parse("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "ADDRESS")).isEqualTo(expected);
        assertThat(Addresses.parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", "ADDRESS")).isEqualTo(expected);
    }

    @Test
    void rejectsAWrongChecksumAndWhatIsNotAnAddress() {
        assertThatThrownBy(() -> Addresses.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "ADDRESS")).isInstanceOf(UserError.class)
                .hasMessage("ADDRESS 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD has a wrong EIP-55 checksum (a typo?): expected 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        assertThatThrownBy(() -> Addresses.parse("0x1234", "ADDRESS")).isInstanceOf(UserError.class)
                .hasMessage("ADDRESS 0x1234 is not an address (0x and 40 hex digits)");
        assertThatThrownBy(() -> Addresses.parse("0xzaaeb6053f3e94c9b9a09f33669435e7ef1beaed", "ADDRESS")).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> Addresses.toChecksumAddress(new byte[19])).isInstanceOf(IllegalArgumentException.class);
    }
}
