package io.zgnode.ethereum;

import io.zgnode.ethereum.internal.AbiTypeParser;
import java.util.List;

/**
 * A Solidity ABI type: {@code uint8..uint256}, {@code int8..int256}, {@code address}, {@code bool},
 * {@code bytes1..bytes32}, {@code bytes}, {@code string}, arrays {@code T[]} and {@code T[k]}, and
 * tuples {@code (T1,T2,...)}, nested to any depth up to {@link #MAX_DEPTH}. Immutable; equal when
 * their canonical forms are.
 *
 * <p>Fixed-point types and the {@code function} type are not supported: no contract here uses them.
 */
public final class AbiType {
    /** How deeply arrays and tuples may nest: deeper types are refused, as they are by Solidity's stack. */
    public static final int MAX_DEPTH = 32;
    /** The most bytes a type may take in place (its head); keeps sizes within an int. */
    public static final int MAX_HEAD_SIZE = 1 << 24;

    /** The sort of type; each kind uses some of {@link #bits()}, {@link #length()}, {@link #elementType()}, {@link #components()}. */
    public enum Kind {
        /** {@code uintN}: {@link #bits()}. */
        UINT,
        /** {@code intN}: {@link #bits()}. */
        INT,
        ADDRESS,
        BOOL,
        /** {@code bytesN}: {@link #length()} bytes. */
        FIXED_BYTES,
        BYTES,
        STRING,
        /** {@code T[]}: {@link #elementType()}. */
        ARRAY,
        /** {@code T[k]}: {@link #elementType()}, {@link #length()}. */
        FIXED_ARRAY,
        /** {@code (T1,...)}: {@link #components()}. */
        TUPLE
    }

    public static final AbiType UINT256 = unsigned(256);
    public static final AbiType ADDRESS = new AbiType(Kind.ADDRESS, 160, null, List.of(), "address");
    public static final AbiType BOOL = new AbiType(Kind.BOOL, 8, null, List.of(), "bool");
    public static final AbiType BYTES32 = fixedBytes(32);
    public static final AbiType BYTES = new AbiType(Kind.BYTES, 0, null, List.of(), "bytes");
    public static final AbiType STRING = new AbiType(Kind.STRING, 0, null, List.of(), "string");

    private static final int WORD = 32;

    private final Kind kind;
    /** Bits of an integer, bytes of bytesN, elements of T[k]. */
    private final int size;
    private final AbiType element;
    private final List<AbiType> components;
    private final String canonical;
    private final boolean dynamic;
    private final int headSize;
    private final int depth;

    private AbiType(Kind kind, int size, AbiType element, List<AbiType> components, String canonical) {
        this.kind = kind;
        this.size = size;
        this.element = element;
        this.components = components;
        this.canonical = canonical;
        this.dynamic = computeDynamic();
        this.depth = computeDepth();
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("ABI type nests deeper than " + MAX_DEPTH + ": " + abbreviate(canonical));
        }
        long head = computeHeadSize();
        if (head > MAX_HEAD_SIZE) {
            throw new IllegalArgumentException("ABI type takes " + head + " bytes in place, more than " + MAX_HEAD_SIZE
                    + ": " + abbreviate(canonical));
        }
        this.headSize = (int) head;
    }

    /**
     * Parses a type such as {@code (uint256,bytes,(bytes32,uint256)[])[2]}. Spaces after commas
     * and component names are allowed ({@code (bytes32 root, uint256 height)}) and dropped;
     * {@code uint} and {@code int} mean {@code uint256} and {@code int256}.
     *
     * @throws IllegalArgumentException with the position of the first problem
     */
    public static AbiType parse(String type) {
        return AbiTypeParser.type(type);
    }

    /**
     * Parses a list of types as written for a function's returns: {@code ""} or {@code "()"} is
     * no type, {@code "(uint256,bytes32)"} two, {@code "address"} one.
     */
    public static List<AbiType> parseList(String types) {
        return AbiTypeParser.typeList(types);
    }

    /** {@code uintN}, N a multiple of 8 from 8 to 256. */
    public static AbiType unsigned(int bits) {
        return new AbiType(Kind.UINT, checkBits(bits), null, List.of(), "uint" + bits);
    }

    /** {@code intN}, N a multiple of 8 from 8 to 256. */
    public static AbiType signed(int bits) {
        return new AbiType(Kind.INT, checkBits(bits), null, List.of(), "int" + bits);
    }

    /** {@code bytesN}, N from 1 to 32. */
    public static AbiType fixedBytes(int length) {
        if (length < 1 || length > WORD) {
            throw new IllegalArgumentException("bytesN needs N from 1 to 32, got " + length);
        }
        return new AbiType(Kind.FIXED_BYTES, length, null, List.of(), "bytes" + length);
    }

    /** {@code T[]}. */
    public static AbiType array(AbiType element) {
        return new AbiType(Kind.ARRAY, 0, checkElement(element), List.of(), element.canonical + "[]");
    }

    /** {@code T[k]}, k at least 1. */
    public static AbiType fixedArray(AbiType element, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a fixed-size array needs a length of at least 1, got " + length);
        }
        return new AbiType(Kind.FIXED_ARRAY, length, checkElement(element), List.of(), element.canonical + "[" + length + "]");
    }

    /** The tuple {@code (T1,T2,...)}; the empty tuple is the argument list of a function without parameters. */
    public static AbiType tuple(List<AbiType> components) {
        List<AbiType> copy = List.copyOf(components);
        StringBuilder canonical = new StringBuilder("(");
        for (int i = 0; i < copy.size(); i++) {
            canonical.append(i == 0 ? "" : ",").append(copy.get(i).canonical);
        }
        return new AbiType(Kind.TUPLE, 0, null, copy, canonical.append(')').toString());
    }

    public static AbiType tuple(AbiType... components) {
        return tuple(List.of(components));
    }

    private static int checkBits(int bits) {
        if (bits < 8 || bits > 256 || bits % 8 != 0) {
            throw new IllegalArgumentException("integer types need a multiple of 8 bits from 8 to 256, got " + bits);
        }
        return bits;
    }

    /** Elements take at least a word each, which bounds an array's length by the data holding it. */
    private static AbiType checkElement(AbiType element) {
        if (element.headSize == 0) {
            throw new IllegalArgumentException("array elements cannot be the empty tuple");
        }
        return element;
    }

    public Kind kind() {
        return kind;
    }

    /** The bits of {@code uintN} or {@code intN}. */
    public int bits() {
        require(kind == Kind.UINT || kind == Kind.INT, "bits");
        return size;
    }

    /** The N of {@code bytesN} or the k of {@code T[k]}. */
    public int length() {
        require(kind == Kind.FIXED_BYTES || kind == Kind.FIXED_ARRAY, "length");
        return size;
    }

    /** The T of {@code T[]} or {@code T[k]}. */
    public AbiType elementType() {
        require(kind == Kind.ARRAY || kind == Kind.FIXED_ARRAY, "element type");
        return element;
    }

    /** The components of a tuple. */
    public List<AbiType> components() {
        require(kind == Kind.TUPLE, "components");
        return components;
    }

    /**
     * Dynamic types ({@code bytes}, {@code string}, {@code T[]}, and arrays and tuples holding a
     * dynamic type) are encoded out of place, behind an offset.
     */
    public boolean isDynamic() {
        return dynamic;
    }

    /** The bytes this type takes in the head of an enclosing tuple: its size if static, the 32-byte offset if dynamic. */
    public int headSize() {
        return headSize;
    }

    private void require(boolean applies, String what) {
        if (!applies) {
            throw new IllegalStateException(canonical + " has no " + what);
        }
    }

    private boolean computeDynamic() {
        switch (kind) {
            case BYTES:
            case STRING:
            case ARRAY:
                return true;
            case FIXED_ARRAY:
                return element.dynamic;
            case TUPLE:
                return components.stream().anyMatch(c -> c.dynamic);
            default:
                return false;
        }
    }

    private int computeDepth() {
        if (element != null) {
            return element.depth + 1;
        }
        int deepest = 0;
        for (AbiType component : components) {
            deepest = Math.max(deepest, component.depth);
        }
        return kind == Kind.TUPLE ? deepest + 1 : 0;
    }

    private long computeHeadSize() {
        if (dynamic) {
            return WORD;
        }
        if (kind == Kind.FIXED_ARRAY) {
            return (long) size * element.headSize;
        }
        if (kind == Kind.TUPLE) {
            long sum = 0;
            for (AbiType component : components) {
                sum += component.headSize;
            }
            return sum;
        }
        return WORD;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** The canonical form, as in function signatures: {@code (uint256,bytes,(bytes32,uint256)[])}. */
    @Override
    public String toString() {
        return canonical;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AbiType that && that.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }
}
