package io.zgnode.storage.flow;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import io.zgnode.api.chain.Address;

/**
 * The genesis's {@code "modules": {"storage": {...}}}: where the Flow and Market contracts live
 * and what a sector costs. Every node reads the same genesis, so every node runs the contracts at
 * the same addresses with the same price. Absent keys take the defaults below (documented in the
 * README); a present key with a bad value is refused, naming the key. Other keys are left to the
 * other storage modules.
 *
 * @param pricePerSector wei per 256-byte sector
 */
record StorageGenesis(Address flow, Address market, BigInteger pricePerSector) {

    static final String MODULE = "storage";
    static final Address DEFAULT_FLOW = Address.of("0x0000000000000000000000000000000000000f10");
    static final Address DEFAULT_MARKET = Address.of("0x0000000000000000000000000000000000000f11");
    /** 1 gwei a sector: a GiB costs about 0.0043 of the native token. */
    static final BigInteger DEFAULT_PRICE_PER_SECTOR = BigInteger.TEN.pow(9);

    StorageGenesis {
        if (flow.equals(market)) {
            throw new IllegalArgumentException("genesis modules.storage: flow and market are both " + flow + "; they must differ");
        }
        if (flow.equals(Address.ZERO) || market.equals(Address.ZERO)) {
            throw new IllegalArgumentException("genesis modules.storage: the zero address cannot hold a contract");
        }
        if (pricePerSector.signum() < 0) {
            throw new IllegalArgumentException("genesis modules.storage.pricePerSector must not be negative, got " + pricePerSector);
        }
    }

    /**
     * Reads the storage section (the map {@code Chain.genesisParameters("storage")} gives).
     *
     * @throws IllegalArgumentException naming the key whose value is bad
     */
    static StorageGenesis of(Map<String, Object> section) {
        return new StorageGenesis(address(section, "flow", DEFAULT_FLOW), address(section, "market", DEFAULT_MARKET),
                price(section.get("pricePerSector")));
    }

    private static Address address(Map<String, Object> section, String key, Address fallback) {
        Object value = section.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Address.of(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("genesis modules.storage." + key + " is not an address (0x and 40 hex digits): " + value);
        }
    }

    private static BigInteger price(Object value) {
        if (value == null) {
            return DEFAULT_PRICE_PER_SECTOR;
        }
        try {
            if (value instanceof BigInteger integer) {
                return integer;
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.toBigIntegerExact();
            }
            if (value instanceof Number number) {
                return BigInteger.valueOf(number.longValue());
            }
            String text = String.valueOf(value).trim();
            return text.startsWith("0x") || text.startsWith("0X") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("genesis modules.storage.pricePerSector is not a whole number of wei: " + value);
        }
    }
}
