package io.zgnode.ledger.genesis;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.Keccak256;

/**
 * Reads a genesis document and checks it. Every problem is reported as one line naming the field.
 *
 * <pre>
 * {
 *   "chainId": 31337,                       // required, > 0
 *   "timestamp": 0,                         // seconds, default 0
 *   "gasLimit": 200000000,                  // per block, default 200 M
 *   "baseFeePerGas": "1000000000",          // of block 1, wei, default 1 gwei
 *   "minBaseFeePerGas": "1000000000",       // floor of the EIP-1559 base fee, default 1 gwei
 *   "alloc": { "0xADDRESS": { "balance": "10000000000000000000000" } },
 *   "validators": [ { "address": "0x...", "power": 1, "publicKey": "0x<32 bytes>" } ],
 *   "modules": { "storage": { ... } }       // read by each module
 * }
 * </pre>
 * Numbers may be JSON numbers, decimal strings or 0x-hex strings.
 */
public final class GenesisReader {

    public static final long DEFAULT_GAS_LIMIT = 200_000_000L;
    public static final BigInteger ONE_GWEI = BigInteger.TEN.pow(9);
    private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private GenesisReader() {
    }

    public static Genesis read(Path file) throws IOException, GenesisException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (GenesisException e) {
            throw new GenesisException(file + ": " + e.getMessage());
        }
    }

    public static Genesis parse(String json) throws GenesisException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new GenesisException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new GenesisException("a genesis is a JSON object");
        }
        long chainId = positiveLong(root, "chainId", null);
        long timestamp = nonNegativeLong(root, "timestamp", 0L);
        long gasLimit = positiveLong(root, "gasLimit", DEFAULT_GAS_LIMIT);
        if (gasLimit < 21_000) {
            throw new GenesisException("gasLimit " + gasLimit + " is below the 21000 a transfer needs");
        }
        BigInteger baseFee = uint256(root.get("baseFeePerGas"), "baseFeePerGas", ONE_GWEI);
        BigInteger minBaseFee = uint256(root.get("minBaseFeePerGas"), "minBaseFeePerGas", ONE_GWEI);
        if (baseFee.compareTo(minBaseFee) < 0) {
            throw new GenesisException("baseFeePerGas " + baseFee + " is below minBaseFeePerGas " + minBaseFee);
        }
        SortedMap<Address, BigInteger> alloc = alloc(root.get("alloc"));
        List<Genesis.Validator> validators = validators(root.get("validators"));
        Map<String, Object> document = plain(root);
        return new Genesis(chainId, timestamp, gasLimit, baseFee, minBaseFee, Collections.unmodifiableSortedMap(alloc),
                List.copyOf(validators), document, Hash.of(Keccak256.hash(canonical(root))));
    }

    /** The document as sorted, compact JSON: what the genesis hash is taken over. */
    static byte[] canonical(JsonNode root) throws GenesisException {
        try {
            return JSON.writeValueAsBytes(JSON.treeToValue(root, Object.class));
        } catch (JacksonException e) {
            throw new GenesisException("cannot serialize: " + e.getOriginalMessage());
        }
    }

    private static SortedMap<Address, BigInteger> alloc(JsonNode node) throws GenesisException {
        SortedMap<Address, BigInteger> alloc = new TreeMap<>();
        if (node == null || node.isNull()) {
            return alloc;
        }
        if (!node.isObject()) {
            throw new GenesisException("alloc must be an object of address: {balance}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            Address address = address(entry.getKey(), "alloc");
            JsonNode balance = entry.getValue().isObject() ? entry.getValue().get("balance") : entry.getValue();
            if (alloc.put(address, uint256(balance, "alloc." + entry.getKey() + ".balance", null)) != null) {
                throw new GenesisException("alloc lists " + address + " twice");
            }
        }
        return alloc;
    }

    private static List<Genesis.Validator> validators(JsonNode node) throws GenesisException {
        List<Genesis.Validator> validators = new ArrayList<>();
        if (node == null || node.isNull()) {
            return validators;
        }
        if (!node.isArray()) {
            throw new GenesisException("validators must be an array");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode validator = node.get(i);
            String at = "validators[" + i + "]";
            if (!validator.isObject() || !validator.hasNonNull("address")) {
                throw new GenesisException(at + " needs an address");
            }
            Address address = address(validator.get("address").asText(), at + ".address");
            long power = positiveLong(validator, "power", 1L);
            byte[] publicKey = null;
            if (validator.hasNonNull("publicKey")) {
                try {
                    publicKey = Hex.decode(validator.get("publicKey").asText());
                } catch (IllegalArgumentException e) {
                    throw new GenesisException(at + ".publicKey: " + e.getMessage());
                }
                if (publicKey.length != 32) {
                    throw new GenesisException(at + ".publicKey must be 32 bytes (Ed25519)");
                }
            }
            if (validators.stream().anyMatch(v -> v.address().equals(address))) {
                throw new GenesisException("validators list " + address + " twice");
            }
            validators.add(new Genesis.Validator(address, power, publicKey));
        }
        return validators;
    }

    private static Address address(String text, String field) throws GenesisException {
        try {
            return Address.of(text);
        } catch (IllegalArgumentException e) {
            throw new GenesisException(field + ": " + e.getMessage());
        }
    }

    private static long positiveLong(JsonNode root, String field, Long fallback) throws GenesisException {
        long value = nonNegativeLong(root, field, fallback);
        if (value == 0) {
            throw new GenesisException(field + " must be positive");
        }
        return value;
    }

    private static long nonNegativeLong(JsonNode root, String field, Long fallback) throws GenesisException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new GenesisException(field + " is required");
            }
            return fallback;
        }
        BigInteger value = uint256(node, field, null);
        if (value.bitLength() > 63) {
            throw new GenesisException(field + " is too large");
        }
        return value.longValueExact();
    }

    static BigInteger uint256(JsonNode node, String field, BigInteger fallback) throws GenesisException {
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new GenesisException(field + " is required");
            }
            return fallback;
        }
        BigInteger value;
        try {
            if (node.isIntegralNumber()) {
                value = node.bigIntegerValue();
            } else if (node.isTextual()) {
                String text = node.asText().trim();
                value = text.startsWith("0x") || text.startsWith("0X") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new GenesisException(field + " must be a whole number (JSON number, decimal or 0x-hex string)");
        }
        if (value.signum() < 0 || value.compareTo(MAX_UINT256) > 0) {
            throw new GenesisException(field + " must be between 0 and 2^256-1");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(JsonNode root) throws GenesisException {
        try {
            Map<String, Object> map = JSON.treeToValue(root, LinkedHashMap.class);
            return Collections.unmodifiableMap(deepFreeze(map));
        } catch (JacksonException e) {
            throw new GenesisException("cannot read: " + e.getOriginalMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepFreeze(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepFreeze(v)));
            return (T) Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(GenesisReader::deepFreeze).toList();
        }
        if (value instanceof Double || value instanceof Float) {
            return (T) new BigDecimal(value.toString());
        }
        return value;
    }
}
