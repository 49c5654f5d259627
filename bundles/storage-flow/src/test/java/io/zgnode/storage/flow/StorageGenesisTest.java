package io.zgnode.storage.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Address;

class StorageGenesisTest {

    @Test
    void anAbsentSectionGivesTheDocumentedDefaults() {
        StorageGenesis genesis = StorageGenesis.of(Map.of());
        assertThat(genesis.flow()).isEqualTo(Address.of("0x0000000000000000000000000000000000000f10"));
        assertThat(genesis.market()).isEqualTo(Address.of("0x0000000000000000000000000000000000000f11"));
        assertThat(genesis.pricePerSector()).isEqualTo(BigInteger.TEN.pow(9));
    }

    @Test
    void theSectionSetsEachValueAndLeavesOtherKeysToOtherModules() {
        StorageGenesis genesis = StorageGenesis.of(Map.of("flow", "0x00000000000000000000000000000000000000a1", "pricePerSector", "0x10",
                "shards", 4));
        assertThat(genesis.flow()).isEqualTo(Address.of("0x00000000000000000000000000000000000000a1"));
        assertThat(genesis.market()).isEqualTo(StorageGenesis.DEFAULT_MARKET);
        assertThat(genesis.pricePerSector()).isEqualTo(16);
        assertThat(StorageGenesis.of(Map.of("pricePerSector", new BigInteger("5000000000000"))).pricePerSector()).isEqualTo(5_000_000_000_000L);
        assertThat(StorageGenesis.of(Map.of("pricePerSector", new BigDecimal("0"))).pricePerSector()).isZero();
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> StorageGenesis.of(Map.of("flow", "0x12"))).hasMessageContaining("modules.storage.flow is not an address");
        assertThatThrownBy(() -> StorageGenesis.of(Map.of("pricePerSector", "-1"))).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> StorageGenesis.of(Map.of("pricePerSector", new BigDecimal("0.5"))))
                .hasMessageContaining("pricePerSector is not a whole number of wei");
        assertThatThrownBy(() -> StorageGenesis.of(Map.of("pricePerSector", "ten"))).hasMessageContaining("pricePerSector is not a whole number");
        assertThatThrownBy(() -> StorageGenesis.of(Map.of("flow", StorageGenesis.DEFAULT_MARKET.toString()))).hasMessageContaining("must differ");
        assertThatThrownBy(() -> StorageGenesis.of(Map.of("market", Address.ZERO.toString()))).hasMessageContaining("zero address");
    }
}
