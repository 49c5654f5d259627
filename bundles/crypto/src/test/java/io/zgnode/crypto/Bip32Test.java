package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Bip32Test {
    private static final byte[] HARDHAT_SEED =
            Mnemonic.toSeed("test test test test test test test test test test test junk", "");
    private static final byte[] BIP32_VECTOR_1_SEED = Hex.decode("000102030405060708090a0b0c0d0e0f");

    @ParameterizedTest
    @CsvSource({
        "m,                      e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35",
        "m/0',                   edb2e14f9ee77d26dd93b4ecede8d16ed408ce149b6cd80b0715a2d911a0afea",
        "m/0'/1,                 3c6cb8d0f6a264c91ea8b5030fadaa8e538b020f0a387421a12de9319dc93368",
        "m/0'/1/2',              cbce0d719ecf7431d88e6a89fa1483e02e35092af60c042b1df2ff59fa424dca",
        "m/0'/1/2'/2,            0f479245fb19a38a1954c5c7c0ebab2f9bdfd96a17563ef28a6a4b1a2a764ef4",
        "m/0'/1/2'/2/1000000000, 471b76e389e528d6de6d816857e012c5455051cad6660850e58372a6c3e6e7c8",
    })
    void bip32TestVectorOne(String path, String privateKey) {
        assertThat(Hex.encode(Bip32.derive(BIP32_VECTOR_1_SEED, path).bytes())).isEqualTo("0x" + privateKey);
    }

    @Test
    void hardhatAccountsFromTheirMnemonic() {
        PrivateKey first = Bip32.derive(HARDHAT_SEED, "m/44'/60'/0'/0/0");
        assertThat(Hex.encode(first.bytes())).isEqualTo("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        assertThat(Hex.encode(first.address())).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266".toLowerCase());
        PrivateKey second = Bip32.derive(HARDHAT_SEED, "m/44'/60'/0'/0/1");
        assertThat(Hex.encode(second.address())).isEqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8".toLowerCase());
    }

    @Test
    void hardenedMarkMayBeAnH() {
        assertThat(Bip32.derive(HARDHAT_SEED, "m/44h/60H/0'/0/0")).isEqualTo(Bip32.derive(HARDHAT_SEED, "m/44'/60'/0'/0/0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "44'/60'", "M/0", "m/", "m//0", "m/-1", "m/x", "m/0''", "m/1 ", "m/2147483648", "m/99999999999"})
    void rejectsBadPaths(String path) {
        assertThatThrownBy(() -> Bip32.derive(HARDHAT_SEED, path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(path.isEmpty() ? "must start with" : path);
    }

    @Test
    void largestIndexIsTwoToTheThirtyOneMinusOne() {
        assertThat(Bip32.derive(HARDHAT_SEED, "m/2147483647'")).isNotNull();
    }

    @Test
    void seedMustBe16To64Bytes() {
        assertThatThrownBy(() -> Bip32.derive(new byte[15], "m")).hasMessage("seed must be 16 to 64 bytes, got 15");
        assertThatThrownBy(() -> Bip32.derive(new byte[65], "m")).isInstanceOf(IllegalArgumentException.class);
    }
}
