package io.zgnode.ethereum;

import io.zgnode.api.chain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Random ABI types and generic values for the cross-checks, and comparison of values holding arrays. */
final class Values {
    private static final String ALPHABET = "abcxyz019 _-é€\u00ff\u4e16\uD83D\uDE00";

    private Values() {
    }

    /** Equality of generic values, comparing byte[] by content. */
    static boolean deepEquals(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a != null && a.equals(b);
    }

    /** A random type; {@code depth} bounds nesting, {@code tuples} allows tuples. */
    static AbiType randomType(Random random, int depth, boolean tuples) {
        int choice = random.nextInt(depth <= 0 ? 7 : (tuples ? 11 : 9));
        switch (choice) {
            case 0:
                return AbiType.unsigned(8 * (1 + random.nextInt(32)));
            case 1:
                return AbiType.signed(8 * (1 + random.nextInt(32)));
            case 2:
                return AbiType.ADDRESS;
            case 3:
                return AbiType.BOOL;
            case 4:
                return AbiType.fixedBytes(1 + random.nextInt(32));
            case 5:
                return AbiType.BYTES;
            case 6:
                return AbiType.STRING;
            case 7:
                return AbiType.array(randomType(random, depth - 1, tuples));
            case 8:
                return AbiType.fixedArray(randomType(random, depth - 1, tuples), 1 + random.nextInt(3));
            default: {
                int count = 1 + random.nextInt(4);
                List<AbiType> components = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    components.add(randomType(random, depth - 1, tuples));
                }
                return AbiType.tuple(components);
            }
        }
    }

    static Object randomValue(Random random, AbiType type) {
        return randomValue(random, type, false);
    }

    /**
     * A random value of {@code type}; with {@code asciiStrings}, strings are ASCII: web3j 4.12.3
     * computes array offsets from string lengths in characters, not UTF-8 bytes (its issue #1741).
     */
    static Object randomValue(Random random, AbiType type, boolean asciiStrings) {
        switch (type.kind()) {
            case UINT: {
                int bits = random.nextInt(4) == 0 ? type.bits() : random.nextInt(type.bits() + 1);
                BigInteger value = new BigInteger(bits, random);
                return random.nextInt(8) == 0 ? BigInteger.TWO.pow(type.bits()).subtract(BigInteger.ONE) : value;
            }
            case INT: {
                BigInteger value = new BigInteger(random.nextInt(type.bits()), random);
                if (random.nextInt(8) == 0) {
                    value = BigInteger.TWO.pow(type.bits() - 1).subtract(BigInteger.ONE);
                }
                return random.nextBoolean() ? value.negate().subtract(random.nextInt(8) == 0 ? BigInteger.ONE : BigInteger.ZERO) : value;
            }
            case ADDRESS:
                return Address.of(bytes(random, 20));
            case BOOL:
                return random.nextBoolean();
            case FIXED_BYTES:
                return bytes(random, type.length());
            case BYTES:
                return bytes(random, random.nextInt(5) == 0 ? 33 + random.nextInt(100) : random.nextInt(33));
            case STRING: {
                if (asciiStrings) {
                    return "ascii " + "x".repeat(random.nextInt(40));
                }
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(5) == 0 ? 40 : random.nextInt(6);
                for (int i = 0; i < length; i++) {
                    int at = random.nextInt(ALPHABET.length());
                    if (Character.isSurrogate(ALPHABET.charAt(at))) {
                        text.append("\uD83D\uDE00");
                    } else {
                        text.append(ALPHABET.charAt(at));
                    }
                }
                return text.toString();
            }
            case ARRAY: {
                List<Object> elements = new ArrayList<>();
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    elements.add(randomValue(random, type.elementType(), asciiStrings));
                }
                return elements;
            }
            case FIXED_ARRAY: {
                List<Object> elements = new ArrayList<>();
                for (int i = 0; i < type.length(); i++) {
                    elements.add(randomValue(random, type.elementType(), asciiStrings));
                }
                return elements;
            }
            case TUPLE: {
                List<Object> values = new ArrayList<>();
                for (AbiType component : type.components()) {
                    values.add(randomValue(random, component, asciiStrings));
                }
                return values;
            }
            default:
                throw new AssertionError(type);
        }
    }

    static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
