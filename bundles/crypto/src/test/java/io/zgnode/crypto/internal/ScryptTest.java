package io.zgnode.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

class ScryptTest {
    @Test
    void rfc7914Vectors() {
        assertThat(hex(Scrypt.derive(new byte[0], new byte[0], 16, 1, 1, 64))).isEqualTo(
                "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                        + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
        assertThat(hex(Scrypt.derive(ascii("password"), ascii("NaCl"), 1024, 8, 16, 64))).isEqualTo(
                "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                        + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    }

    @Test
    void equalsBouncyCastleWhereBouncyCastleAllowsTheParameters() {
        SplittableRandom random = new SplittableRandom(3);
        int[][] parameters = {{2, 1, 1}, {1024, 1, 1}, {256, 2, 3}, {4096, 8, 1}, {512, 3, 2}};
        for (int[] nrp : parameters) {
            byte[] password = new byte[random.nextInt(40)];
            byte[] salt = new byte[32];
            random.nextBytes(password);
            random.nextBytes(salt);
            assertThat(Scrypt.derive(password, salt, nrp[0], nrp[1], nrp[2], 32))
                    .as("n=%d r=%d p=%d", nrp[0], nrp[1], nrp[2])
                    .isEqualTo(SCrypt.generate(password, salt, nrp[0], nrp[1], nrp[2], 32));
        }
    }

    @Test
    void rejectsMalformedParameters() {
        for (int[] nrp : new int[][] {{1, 1, 1}, {1000, 1, 1}, {1024, 0, 1}, {1024, 1, 0}, {-8, 1, 1}}) {
            assertThatThrownBy(() -> Scrypt.derive(new byte[0], new byte[0], nrp[0], nrp[1], nrp[2], 32))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid scrypt parameters");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
