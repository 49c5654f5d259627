package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.PrivateKey;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.Keys;

class AddressesTest {

    /** The test cases of EIP-55. */
    @ParameterizedTest
    @ValueSource(strings = {
        "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    })
    void eip55TestCases(String text) {
        Address address = Addresses.parse(text);
        assertThat(Addresses.isValid(text)).isTrue();
        boolean mixed = !text.substring(2).equals(text.substring(2).toLowerCase(Locale.ROOT))
                && !text.substring(2).equals(text.substring(2).toUpperCase(Locale.ROOT));
        if (mixed) {
            assertThat(Addresses.toChecksumHex(address)).isEqualTo(text);
        }
        assertThat(address.toString()).isEqualTo(text.toLowerCase(Locale.ROOT));
    }

    @Test
    void checksumsAreChecked() {
        String good = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        String bad = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";
        assertThat(Addresses.isValid(bad)).isFalse();
        assertThatThrownBy(() -> Addresses.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("address " + bad + " has a wrong EIP-55 checksum (expected " + good + ")");
        assertThat(Addresses.parse(good.substring(2))).isEqualTo(Addresses.parse(good));
        assertThat(Addresses.parse("0x" + good.substring(2).toUpperCase(Locale.ROOT))).isEqualTo(Addresses.parse(good));
        assertThat(Addresses.isValid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")).isFalse();
        assertThat(Addresses.isValid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg")).isFalse();
        assertThatThrownBy(() -> Addresses.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void fromPublicKeys() {
        PrivateKey key = PrivateKey.of(Hex.decode("0x" + "46".repeat(32)));
        assertThat(Addresses.of(key.publicKey())).isEqualTo(Address.of("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"));
    }

    @Test
    void matchesWeb3j() {
        Random random = new Random(41);
        for (int i = 0; i < 1_000; i++) {
            PrivateKey key = PrivateKey.of(Values.bytes(random, 32));
            Address address = Addresses.of(key.publicKey());
            String web3jChecksummed = Keys.toChecksumAddress(address.toString());
            assertThat(Addresses.toChecksumHex(address)).isEqualTo(web3jChecksummed);
            assertThat(Addresses.parse(web3jChecksummed)).isEqualTo(address);
            assertThat(address.toString()).isEqualTo("0x" + Keys.getAddress(new java.math.BigInteger(1, key.publicKey().bytes())));
        }
    }
}
