package io.zgnode.ethereum;

import static io.zgnode.ethereum.AbiTest.word;
import static org.assertj.core.api.Assertions.assertThat;

import io.zgnode.crypto.Hex;
import org.junit.jupiter.api.Test;

class RevertReasonTest {
    /** The example of the Solidity documentation ("Error handling: Assert, Require, Revert and Exceptions"). */
    private static final String NOT_ENOUGH_ETHER = "0x08c379a0"
            + word("20")
            + word("1a")
            + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000";

    @Test
    void encodesAsSolidity() {
        assertThat(Hex.encode(RevertReason.encode("Not enough Ether provided."))).isEqualTo(NOT_ENOUGH_ETHER);
        assertThat(Hex.encode(RevertReason.ERROR.selector())).isEqualTo("0x08c379a0");
    }

    @Test
    void decodesReasons() {
        assertThat(RevertReason.decode(Hex.decode(NOT_ENOUGH_ETHER))).contains("Not enough Ether provided.");
        assertThat(RevertReason.decode(RevertReason.encode(""))).contains("");
        assertThat(RevertReason.decode(RevertReason.encode("zgnode \u00e9"))).contains("zgnode \u00e9");
    }

    @Test
    void anythingElseHasNoReason() {
        assertThat(RevertReason.decode(null)).isEmpty();
        assertThat(RevertReason.decode(new byte[0])).isEmpty();
        assertThat(RevertReason.decode(Hex.decode("0x08c379"))).isEmpty();
        assertThat(RevertReason.decode(Hex.decode("0x4e487b71" + word("11")))).as("Panic(0x11)").isEmpty();
        assertThat(RevertReason.decode(Hex.decode("0x08c379a0" + word("20")))).as("cut off").isEmpty();
        assertThat(RevertReason.decode(Hex.decode("0x08c379a0" + word("20") + word("01") + "ff" + "00".repeat(31)))).as("not UTF-8").isEmpty();
    }
}
