package io.zgnode.ethereum;

import io.zgnode.crypto.Hex;
import io.zgnode.crypto.Keccak256;
import io.zgnode.ethereum.internal.AbiDecoder;
import io.zgnode.ethereum.internal.AbiEncoder;
import io.zgnode.ethereum.internal.AbiTypeParser;
import io.zgnode.ethereum.internal.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A contract function: its name, parameter types and return types, its canonical signature and
 * the 4-byte selector that calldata starts with. Immutable.
 *
 * <pre>{@code
 * AbiFunction submit = AbiFunction.parse("submit(((uint256,bytes,(bytes32,uint256)[]),address))",
 *         "(uint256,bytes32,uint256,uint256)");
 * submit.signature();   // the canonical form, as above
 * submit.selector();    // 0xbc8c11f8
 * byte[] calldata = submit.encodeCall(List.of(List.of(submission, submitter)));
 * }</pre>
 */
public final class AbiFunction {
    public static final int SELECTOR_LENGTH = 4;

    private final String name;
    private final AbiType parameters;
    private final AbiType returns;
    private final String signature;
    private final byte[] selector;

    private AbiFunction(String name, List<AbiType> parameters, List<AbiType> returns) {
        this.name = name;
        this.parameters = AbiType.tuple(parameters);
        this.returns = AbiType.tuple(returns);
        this.signature = name + this.parameters;
        this.selector = Arrays.copyOf(Keccak256.hash(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), SELECTOR_LENGTH);
    }

    /**
     * A function without declared returns from its signature: {@code transfer(address,uint256)};
     * parameter names and spaces after commas are allowed ({@code transfer(address to, uint256 amount)}).
     *
     * @throws IllegalArgumentException naming the first problem and its position
     */
    public static AbiFunction parse(String signature) {
        return parse(signature, "");
    }

    /**
     * A function from its signature and its return types as a type list: {@code ""} for none,
     * {@code "address"}, {@code "(uint256,bytes32)"} for two values.
     *
     * @throws IllegalArgumentException naming the first problem and its position
     */
    public static AbiFunction parse(String signature, String returns) {
        AbiTypeParser.Signature parsed = AbiTypeParser.function(signature);
        List<AbiType> parameters = new ArrayList<>();
        for (AbiTypeParser.Parameter parameter : parsed.parameters()) {
            parameters.add(parameter.type());
        }
        return new AbiFunction(parsed.name(), parameters, AbiType.parseList(returns));
    }

    /**
     * The selector calldata starts with, as a big-endian int (for dispatch tables).
     *
     * @throws AbiException if the calldata is shorter than 4 bytes
     */
    public static int selectorOf(byte[] calldata) {
        if (calldata.length < SELECTOR_LENGTH) {
            throw new AbiException("calldata of " + calldata.length + " bytes has no 4-byte selector");
        }
        return toInt(calldata);
    }

    public String name() {
        return name;
    }

    public List<AbiType> parameters() {
        return parameters.components();
    }

    public List<AbiType> returns() {
        return returns.components();
    }

    /** The canonical signature the selector is the hash of: {@code transfer(address,uint256)}. */
    public String signature() {
        return signature;
    }

    /** The first 4 bytes of the Keccak-256 of {@link #signature()}. */
    public byte[] selector() {
        return selector.clone();
    }

    /** {@link #selector()} as a big-endian int, as {@link #selectorOf(byte[])} reads it. */
    public int selectorAsInt() {
        return toInt(selector);
    }

    /**
     * The calldata of a call: the selector and the arguments' encoding.
     *
     * @throws IllegalArgumentException if the arguments do not fit the parameters
     */
    public byte[] encodeCall(List<?> arguments) {
        return AbiEncoder.encode(selector, parameters, arguments);
    }

    /**
     * The arguments of a call to this function.
     *
     * @throws AbiException if the selector is another function's or the arguments are malformed
     */
    public List<Object> decodeCall(byte[] calldata) {
        requireSelector(calldata);
        return decodeTuple(parameters, calldata, SELECTOR_LENGTH);
    }

    void requireSelector(byte[] calldata) {
        if (selectorOf(calldata) != selectorAsInt()) {
            throw new AbiException("calldata selector " + Hex.encode(Arrays.copyOf(calldata, SELECTOR_LENGTH))
                    + " is not " + Hex.encode(selector) + " of " + signature);
        }
    }

    /**
     * The encoding of what the function returns.
     *
     * @throws IllegalArgumentException if the values do not fit the return types
     */
    public byte[] encodeResult(List<?> values) {
        return AbiEncoder.encode(Bytes.EMPTY, returns, values);
    }

    /**
     * What a call returned, decoded.
     *
     * @throws AbiException if the data is malformed
     */
    public List<Object> decodeResult(byte[] data) {
        return decodeTuple(returns, data, 0);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> decodeTuple(AbiType tuple, byte[] data, int from) {
        return (List<Object>) AbiDecoder.decode(tuple, data, from, data.length);
    }

    private static int toInt(byte[] bytes) {
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    /** {@code name(types)}, followed by {@code returns (types)} if it returns anything. */
    @Override
    public String toString() {
        return returns().isEmpty() ? signature : signature + " returns " + returns;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AbiFunction that && that.signature.equals(signature) && that.returns.equals(returns);
    }

    @Override
    public int hashCode() {
        return signature.hashCode() * 31 + returns.hashCode();
    }
}
