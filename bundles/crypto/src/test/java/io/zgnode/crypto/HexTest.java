package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void encodesWithPrefixInLowerCase() {
        assertThat(Hex.encode(new byte[] {0x00, (byte) 0xAB, 0x7F, (byte) 0xFF})).isEqualTo("0x00ab7fff");
        assertThat(Hex.encode(new byte[0])).isEqualTo("0x");
    }

    @Test
    void decodesWithOrWithoutPrefixAndInEitherCase() {
        byte[] expected = {0x00, (byte) 0xAB, 0x7F, (byte) 0xFF};
        assertThat(Hex.decode("0x00ab7fff")).isEqualTo(expected);
        assertThat(Hex.decode("00AB7FFF")).isEqualTo(expected);
        assertThat(Hex.decode("0X00aB7fFf")).isEqualTo(expected);
        assertThat(Hex.decode("0x")).isEmpty();
        assertThat(Hex.decode("")).isEmpty();
    }

    @Test
    void roundTrips() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertThat(Hex.decode(Hex.encode(all))).isEqualTo(all);
    }

    @Test
    void rejectsOddLength() {
        assertThatThrownBy(() -> Hex.decode("0xabc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("odd number of hex digits (3) in \"0xabc\"");
    }

    @Test
    void rejectsNonHexCharactersNamingThePosition() {
        assertThatThrownBy(() -> Hex.decode("0x12g4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a hex digit: 'g' at index 4 of \"0x12g4\"");
        // a digit in another script is not a hex digit
        assertThatThrownBy(() -> Hex.decode("\u0661\u0662")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.decode("0x 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.decode("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesOnlyTheStartOfALongBadInput() {
        String longInput = "0x" + "ab".repeat(10_000) + "z";
        assertThatThrownBy(() -> Hex.decode(longInput))
                .hasMessageContaining("(20003 characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
