package io.zgnode.da.contracts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Address;

/**
 * A map of the genesis document read strictly: an absent key takes its default, a present one
 * must have a good value, and a bad one is refused with an {@link IllegalArgumentException} that
 * names it ({@code genesis modules.da.signers[1].stake ...}). Numbers come as the genesis reader
 * gives them (BigInteger, BigDecimal) or as strings, decimal or 0x-hex.
 */
final class GenesisSection {

    private final String path;
    private final Map<String, Object> values;

    /** @param path where the map is in the genesis, e.g. {@code genesis modules.da} */
    GenesisSection(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    String nameOf(String key) {
        return path + "." + key;
    }

    IllegalArgumentException bad(String key, String problem) {
        return new IllegalArgumentException(nameOf(key) + " " + problem);
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Address address(String key, Address fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Address.of(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw bad(key, "is not an address (0x and 40 hex digits): " + value);
        }
    }

    String string(String key, String fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            throw bad(key, "is not a string: " + value);
        }
        return text;
    }

    /** A whole number in {@code [min, max]}. */
    BigInteger wholeNumber(String key, BigInteger fallback, BigInteger min, BigInteger max) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        BigInteger number = parse(key, value);
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw bad(key, "must be from " + min + " to " + max + ", got " + number);
        }
        return number;
    }

    long longValue(String key, long fallback, long min, long max) {
        return wholeNumber(key, BigInteger.valueOf(fallback), BigInteger.valueOf(min), BigInteger.valueOf(max)).longValueExact();
    }

    /** The entries of a list of objects, each a section of its own ({@code key[i]}). */
    @SuppressWarnings("unchecked")
    List<GenesisSection> sections(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw bad(key, "is not a list: " + value);
        }
        GenesisSection[] sections = new GenesisSection[list.size()];
        for (int i = 0; i < sections.length; i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(nameOf(key) + "[" + i + "] is not an object: " + list.get(i));
            }
            sections[i] = new GenesisSection(nameOf(key) + "[" + i + "]", (Map<String, Object>) map);
        }
        return List.of(sections);
    }

    private BigInteger parse(String key, Object value) {
        try {
            if (value instanceof BigInteger integer) {
                return integer;
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.toBigIntegerExact();
            }
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return BigInteger.valueOf(((Number) value).longValue());
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString()).toBigIntegerExact();
            }
            if (value instanceof String text) {
                String trimmed = text.trim();
                return trimmed.startsWith("0x") || trimmed.startsWith("0X") ? new BigInteger(trimmed.substring(2), 16) : new BigInteger(trimmed);
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // refused below
        }
        throw bad(key, "is not a whole number: " + value);
    }
}
