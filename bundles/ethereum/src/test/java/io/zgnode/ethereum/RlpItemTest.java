package io.zgnode.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

class RlpItemTest {
    private static final String LOREM = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";

    /** The examples of the RLP specification (Ethereum wiki / Yellow Paper appendix B). */
    @Test
    void specificationExamples() {
        assertEncodes(RlpItem.of("dog".getBytes()), "0x83646f67");
        assertEncodes(RlpItem.list(RlpItem.of("cat".getBytes()), RlpItem.of("dog".getBytes())), "0xc88363617483646f67");
        assertEncodes(RlpItem.of(new byte[0]), "0x80");
        assertEncodes(RlpItem.list(), "0xc0");
        assertEncodes(RlpItem.of(0), "0x80");
        assertEncodes(RlpItem.of(new byte[] {0}), "0x00");
        assertEncodes(RlpItem.of(15), "0x0f");
        assertEncodes(RlpItem.of(1024), "0x820400");
        RlpItem empty = RlpItem.list();
        assertEncodes(RlpItem.list(empty, RlpItem.list(empty), RlpItem.list(empty, RlpItem.list(empty))), "0xc7c0c1c0c3c0c1c0");
        assertEncodes(RlpItem.of(LOREM.getBytes()), "0xb838" + Hex.encode(LOREM.getBytes()).substring(2));
    }

    @Test
    void longLists() {
        List<RlpItem> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(RlpItem.of(LOREM.getBytes()));
        }
        RlpItem list = RlpItem.list(items);
        byte[] encoded = list.encode();
        assertThat(Hex.encode(encoded)).startsWith("0xf916a8"); // 100 items of 2 + 56 bytes: 5800 = 0x16a8
        assertThat(RlpItem.decode(encoded)).isEqualTo(list);
    }

    @Test
    void integers() {
        assertThat(RlpItem.of(BigInteger.TWO.pow(255)).encode()).hasSize(33);
        assertThat(RlpItem.decode(Hex.decode("0x820400")).asLong()).isEqualTo(1024);
        assertThat(RlpItem.decode(Hex.decode("0x80")).asLong()).isZero();
        assertThat(RlpItem.decode(Hex.decode("0x887fffffffffffffff")).asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(RlpItem.decode(Hex.decode("0x88ffffffffffffffff")).asBigInteger()).isEqualTo(BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
        assertThatThrownBy(() -> RlpItem.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RlpItem.of(BigInteger.ONE.negate())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typedReaders() {
        Address address = Address.of("0x3535353535353535353535353535353535353535");
        Hash hash = Hash.of(new byte[32]);
        RlpItem list = RlpItem.decode(RlpItem.list(RlpItem.of(address), RlpItem.of(hash)).encode());
        assertThat(list.isList()).isTrue();
        assertThat(list.items().get(0).asAddress()).isEqualTo(address);
        assertThat(list.items().get(1).asHash()).isEqualTo(hash);
        assertThat(list.toString()).isEqualTo("[" + address + ", " + hash + "]");
        assertThatThrownBy(list::bytes).hasMessage("malformed RLP: expected a string, found a list");
        assertThatThrownBy(list::asLong).hasMessage("malformed RLP: expected a string, found a list");
        assertThatThrownBy(() -> list.items().get(0).items()).hasMessage("malformed RLP: expected a list, found a string");
        assertThatThrownBy(() -> list.items().get(0).asHash()).hasMessage("malformed RLP: a hash must be 32 bytes, found 20");
        assertThatThrownBy(() -> list.items().get(1).asAddress()).hasMessage("malformed RLP: an address must be 20 bytes, found 32");
        assertThatThrownBy(() -> list.items().get(0).asLong()).hasMessage("malformed RLP: integer does not fit in 63 bits");
        assertThatThrownBy(() -> RlpItem.decode(Hex.decode("0x820004")).asLong()).hasMessage("malformed RLP: integer has leading zero bytes");
        assertThatThrownBy(() -> RlpItem.decode(Hex.decode("0x00")).asBigInteger()).hasMessage("malformed RLP: integer has leading zero bytes");
    }

    @Test
    void valuesAreImmutable() {
        byte[] bytes = {1, 2, 3};
        RlpItem item = RlpItem.of(bytes);
        bytes[0] = 9;
        item.bytes()[1] = 9;
        assertThat(item.bytes()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> RlpItem.list().items().add(item)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(RlpItem.of(new byte[] {1})).isEqualTo(RlpItem.of(1)).hasSameHashCodeAs(RlpItem.of(1));
        assertThat(RlpItem.list()).isNotEqualTo(RlpItem.of(new byte[0]));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "''               | malformed RLP: no input",
        "0x8100           | malformed RLP: single byte below 0x80 at offset 0 must be encoded as itself",
        "0x817f           | malformed RLP: single byte below 0x80 at offset 0 must be encoded as itself",
        "0xb80100         | malformed RLP: item of 1 bytes at offset 0 uses the long form",
        "0xb837           | malformed RLP: item of 55 bytes at offset 0 uses the long form",
        "0xb90038         | malformed RLP: length of the item at offset 0 has leading zero bytes",
        "0xf80100         | malformed RLP: item of 1 bytes at offset 0 uses the long form",
        "0xb8             | malformed RLP: length of the item at offset 0 is cut off",
        "0xbf7fffffffffffffff | malformed RLP: item at offset 0 is longer than the input",
        "0xb838aa         | malformed RLP: item of 56 bytes at offset 0 exceeds the 1 bytes left",
        "0x83646f         | malformed RLP: item of 3 bytes at offset 0 exceeds the 2 bytes left",
        "0xc3646f         | malformed RLP: item of 3 bytes at offset 0 exceeds the 2 bytes left",
        "0xc28300         | malformed RLP: item of 3 bytes at offset 1 exceeds the 1 bytes left",
        "0x80ff           | malformed RLP: 1 trailing bytes after the item",
        "0xc0c0           | malformed RLP: 1 trailing bytes after the item",
    })
    void rejectsMalformedInput(String hex, String message) {
        assertThatThrownBy(() -> RlpItem.decode(Hex.decode(hex))).isInstanceOf(RlpException.class).hasMessage(message);
    }

    @Test
    void refusesDeepNesting() {
        RlpItem nested = RlpItem.list();
        for (int depth = 1; depth < RlpItem.MAX_DEPTH; depth++) {
            nested = RlpItem.list(nested);
        }
        assertThat(RlpItem.decode(nested.encode())).isEqualTo(nested);
        byte[] tooDeep = RlpItem.list(nested).encode();
        assertThatThrownBy(() -> RlpItem.decode(tooDeep)).hasMessage("malformed RLP: lists nested deeper than 64");
    }

    /** Random trees encode as web3j encodes them, and decode back from web3j's encoding. */
    @Test
    void matchesWeb3jOnRandomTrees() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            RlpItem ours = randomItem(random, 0);
            RlpType theirs = toWeb3j(ours);
            byte[] encoded = RlpEncoder.encode(theirs);
            assertThat(ours.encode()).isEqualTo(encoded);
            assertThat(RlpItem.decode(encoded)).isEqualTo(ours);
            assertThat(fromWeb3j(RlpDecoder.decode(encoded).getValues().get(0))).isEqualTo(ours);
        }
    }

    private static RlpItem randomItem(Random random, int depth) {
        int choice = random.nextInt(depth > 4 ? 3 : 5);
        switch (choice) {
            case 0:
                return RlpItem.of(random.nextInt(3) == 0 ? random.nextInt(256) : Math.abs(random.nextLong()) >>> random.nextInt(64));
            case 1: {
                byte[] bytes = new byte[random.nextInt(4) == 0 ? 56 + random.nextInt(300) : random.nextInt(3)];
                random.nextBytes(bytes);
                return RlpItem.of(bytes);
            }
            case 2:
                return RlpItem.of(new BigInteger(random.nextInt(257), random));
            default: {
                List<RlpItem> items = new ArrayList<>();
                int count = random.nextInt(random.nextInt(5) == 0 ? 40 : 4);
                for (int i = 0; i < count; i++) {
                    items.add(randomItem(random, depth + 1));
                }
                return RlpItem.list(items);
            }
        }
    }

    private static RlpType toWeb3j(RlpItem item) {
        if (!item.isList()) {
            return RlpString.create(item.bytes());
        }
        List<RlpType> values = new ArrayList<>();
        for (RlpItem child : item.items()) {
            values.add(toWeb3j(child));
        }
        return new RlpList(values);
    }

    private static RlpItem fromWeb3j(RlpType type) {
        if (type instanceof RlpString string) {
            return RlpItem.of(string.getBytes());
        }
        List<RlpItem> items = new ArrayList<>();
        for (RlpType child : ((RlpList) type).getValues()) {
            items.add(fromWeb3j(child));
        }
        return RlpItem.list(items);
    }

    private static void assertEncodes(RlpItem item, String hex) {
        assertThat(Hex.encode(item.encode())).isEqualTo(hex);
        assertThat(RlpItem.decode(Hex.decode(hex))).isEqualTo(item);
    }
}
