package io.zgnode.da.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Address;

class DaGenesisTest {

    private static final String A = "0x00000000000000000000000000000000000000a1";
    private static final String B = "0x00000000000000000000000000000000000000b2";

    @Test
    void anAbsentSectionGivesTheDocumentedDefaults() {
        DaGenesis genesis = DaGenesis.of(Map.of());
        assertThat(genesis.registry()).isEqualTo(Address.of("0x0000000000000000000000000000000000000da0"));
        assertThat(genesis.entrance()).isEqualTo(Address.of("0x0000000000000000000000000000000000000da1"));
        assertThat(genesis.dataRows()).isEqualTo(1024);
        assertThat(genesis.totalRows()).isEqualTo(3072);
        assertThat(genesis.epochBlocks()).isEqualTo(1000);
        assertThat(genesis.minStake()).isEqualTo(new BigInteger("1000000000000000000"));
        assertThat(genesis.signers()).isEmpty();
        assertThat(genesis.epochOf(999)).isZero();
        assertThat(genesis.epochOf(1000)).isOne();
    }

    @Test
    void theSectionSetsEachValueInTheFormsAGenesisWritesThem() {
        DaGenesis genesis = DaGenesis.of(Map.of("registry", A, "entrance", B, "dataRows", new BigInteger("16"), "totalRows", "48",
                "epochBlocks", 7, "minStake", "0x10", "someOtherModuleKey", true,
                "signers", List.of(Map.of("address", A, "stake", new BigDecimal("100"), "socket", "http://10.0.0.1:8545"),
                        Map.of("address", B, "socket", "http://10.0.0.2:8545"))));
        assertThat(genesis.registry()).isEqualTo(Address.of(A));
        assertThat(genesis.entrance()).isEqualTo(Address.of(B));
        assertThat(genesis.dataRows()).isEqualTo(16);
        assertThat(genesis.totalRows()).isEqualTo(48);
        assertThat(genesis.epochBlocks()).isEqualTo(7);
        assertThat(genesis.minStake()).isEqualTo(16);
        assertThat(genesis.signers()).containsExactly(new GenesisSigner(Address.of(A), BigInteger.valueOf(100), "http://10.0.0.1:8545"),
                new GenesisSigner(Address.of(B), BigInteger.valueOf(16), "http://10.0.0.2:8545"));
        assertThat(genesis.genesisSigner(Address.of(B))).map(GenesisSigner::stake).as("stake defaults to minStake").contains(BigInteger.valueOf(16));
        assertThat(genesis.genesisSigner(Address.ZERO)).isEmpty();
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertRefused(Map.of("registry", "0x12"), "genesis modules.da.registry is not an address");
        assertRefused(Map.of("entrance", 5), "genesis modules.da.entrance is not an address");
        assertRefused(Map.of("registry", B, "entrance", B), "registry and entrance are both");
        assertRefused(Map.of("entrance", Address.ZERO.toString()), "zero address");
        assertRefused(Map.of("dataRows", "ten"), "genesis modules.da.dataRows is not a whole number: ten");
        assertRefused(Map.of("dataRows", 0), "genesis modules.da.dataRows must be from 1 to 65535, got 0");
        assertRefused(Map.of("totalRows", 65537), "genesis modules.da.totalRows must be from 2 to 65536");
        assertRefused(Map.of("dataRows", 3072), "dataRows and totalRows need 1 <= dataRows < totalRows <= 65536, got 3072 and 3072");
        assertRefused(Map.of("epochBlocks", 0), "genesis modules.da.epochBlocks must be from 1");
        assertRefused(Map.of("epochBlocks", new BigDecimal("1.5")), "genesis modules.da.epochBlocks is not a whole number: 1.5");
        assertRefused(Map.of("minStake", "-1"), "genesis modules.da.minStake must be from 1");
        assertRefused(Map.of("minStake", "0"), "genesis modules.da.minStake must be from 1");
        assertRefused(Map.of("minStake", BigInteger.ONE.shiftLeft(256)), "genesis modules.da.minStake must be from 1");
        assertRefused(Map.of("signers", "all"), "genesis modules.da.signers is not a list");
        assertRefused(Map.of("signers", List.of(7)), "genesis modules.da.signers[0] is not an object");
        assertRefused(Map.of("signers", List.of(Map.of("socket", "http://a"))), "genesis modules.da.signers[0].address is missing");
        assertRefused(Map.of("signers", List.of(Map.of("address", "0xzz", "socket", "http://a"))),
                "genesis modules.da.signers[0].address is not an address");
        assertRefused(Map.of("signers", List.of(Map.of("address", A, "socket", "http://a"), Map.of("address", A, "socket", "http://b"))),
                "genesis modules.da.signers[1].address " + A + " is named twice");
        assertRefused(Map.of("minStake", 100, "signers", List.of(Map.of("address", A, "stake", 99, "socket", "http://a"))),
                "genesis modules.da.signers[0].stake must be from 100 to");
        assertRefused(Map.of("signers", List.of(Map.of("address", A))), "genesis modules.da.signers[0].socket is wrong: a socket is 1 to 256 bytes");
        assertRefused(Map.of("signers", List.of(Map.of("address", A, "socket", "x".repeat(257)))),
                "genesis modules.da.signers[0].socket is wrong: a socket is 1 to 256 bytes of UTF-8, got 257");
        assertRefused(Map.of("signers", List.of(Map.of("address", A, "socket", 8545))), "genesis modules.da.signers[0].socket is not a string");
    }

    @Test
    void aRecordMadeInCodeIsCheckedAsTheParsedOne() {
        assertThatThrownBy(() -> new DaGenesis(Address.of(A), Address.of(B), 1024, 3072, 10, BigInteger.TEN,
                List.of(new GenesisSigner(Address.of(A), BigInteger.ONE, "http://a")))).hasMessageContaining("modules.da.signers[0].stake");
        assertThatThrownBy(() -> new DaGenesis(Address.of(A), Address.of(B), 1024, 3072, 0, BigInteger.TEN, List.of()))
                .hasMessageContaining("epochBlocks must be at least 1");
        assertThatThrownBy(() -> DaGenesis.of(Map.of()).epochOf(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSectionWithANullValueTakesTheDefault() {
        Map<String, Object> section = new HashMap<>();
        section.put("epochBlocks", null);
        assertThat(DaGenesis.of(section).epochBlocks()).isEqualTo(DaGenesis.DEFAULT_EPOCH_BLOCKS);
    }

    private static void assertRefused(Map<String, Object> section, String message) {
        assertThatThrownBy(() -> DaGenesis.of(section)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
