package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Vectors checked against Python's hashlib.blake2b. */
class Blake2bTest {
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    @Test
    void blake2b512() {
        assertThat(Hex.encode(Blake2b.hash512())).isEqualTo("0x786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419"
                + "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce");
        assertThat(Hex.encode(Blake2b.hash512(ABC))).isEqualTo("0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    }

    @Test
    void blake2b256() {
        assertThat(Hex.encode(Blake2b.hash256(new byte[0])))
                .isEqualTo("0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
        assertThat(Hex.encode(Blake2b.hash256(ABC)))
                .isEqualTo("0xbddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    }

    @Test
    void hashesTheConcatenationOfItsArguments() {
        byte[] a = {'a'};
        byte[] bc = {'b', 'c'};
        assertThat(Blake2b.hash256(a, bc)).isEqualTo(Blake2b.hash256(ABC));
        assertThat(Blake2b.hash512(a, new byte[0], bc)).isEqualTo(Blake2b.hash512(ABC));
        assertThat(Blake2b.hash256(ABC)).hasSize(32);
        assertThat(Blake2b.hash512(ABC)).hasSize(64);
    }
}
