package io.zgnode.da.disperser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    private static final long MIB = 1 << 20;

    @Test
    void aBlobThatCouldNeverFitIsRefusedAtOnceNamingTheHeap() {
        MemoryBudget budget = new MemoryBudget(100 * MIB);
        assertThatThrownBy(() -> budget.reserve(101 * MIB, 10_000)).isInstanceOf(InvalidBlobException.class)
                .hasMessageContaining("heap is too small").hasMessageContaining("101 MiB").hasMessageContaining("100 MiB");
    }

    @Test
    void aBlobWaitsForRoomAndGetsItOnceAnotherDispersalEnds() throws Exception {
        MemoryBudget budget = new MemoryBudget(100 * MIB);
        MemoryBudget.Reservation first = budget.reserve(70 * MIB, 0);
        assertThatThrownBy(() -> budget.reserve(40 * MIB, 50)).isInstanceOf(InvalidBlobException.class).hasMessageContaining("busy");

        first.close();
        first.close(); // a second close gives nothing back twice
        try (MemoryBudget.Reservation second = budget.reserve(40 * MIB, 0); MemoryBudget.Reservation third = budget.reserve(60 * MIB, 0)) {
            assertThat(second).isNotNull();
            assertThat(third).isNotNull();
            assertThatThrownBy(() -> budget.reserve(1, 0)).hasMessageContaining("busy");
        }
    }
}
