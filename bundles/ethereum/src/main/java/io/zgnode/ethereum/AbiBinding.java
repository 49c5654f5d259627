package io.zgnode.ethereum;

import io.zgnode.ethereum.internal.JavaConverter;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Converts the generic values of one ABI type (see {@link Abi}) to and from one Java type, as
 * the package documentation of io.zgnode.api.contract maps them:
 * <ul>
 * <li>{@code uintN/intN}: {@code BigInteger}, or {@code long}/{@code Long}/{@code int}/{@code Integer},
 * checked to fit when converting;</li>
 * <li>{@code address}: {@link io.zgnode.api.chain.Address}; {@code bool}: {@code boolean}/{@code Boolean};
 * {@code string}: {@code String};</li>
 * <li>{@code bytes}, {@code bytesN}: {@code byte[]}; {@code bytes32} also {@link io.zgnode.api.chain.Hash};</li>
 * <li>{@code T[]}, {@code T[k]}: {@code List<E>}, E bound to T in turn;</li>
 * <li>tuples: a record whose components are, in order, the tuple's (names do not matter), or
 * {@code Object[]} of generic values;</li>
 * <li>any type: {@code Object}, which is the generic value itself; converting a Java value to
 * it goes by the value's runtime class, records included.</li>
 * </ul>
 * A binding is checked when it is made, so that a badly declared contract method is refused at
 * registration rather than at its first call. Immutable and thread-safe; make it once and keep it.
 */
public final class AbiBinding {
    private final AbiType abiType;
    private final Type javaType;
    private final JavaConverter converter;

    private AbiBinding(AbiType abiType, Type javaType, JavaConverter converter) {
        this.abiType = abiType;
        this.javaType = javaType;
        this.converter = converter;
    }

    /**
     * The binding of {@code abiType} to {@code javaType} (a {@code Class} or a generic type such
     * as a method's {@code getGenericParameterTypes()} gives).
     *
     * @throws IllegalArgumentException if they are not compatible; the message says which part
     *     does not fit, e.g. {@code cannot bind (bytes32,uint256) to Node: component 1 'height':
     *     cannot bind uint256 to java.lang.String (use BigInteger, long, Long, int or Integer)}
     */
    public static AbiBinding of(AbiType abiType, Type javaType) {
        Objects.requireNonNull(abiType, "abiType");
        Objects.requireNonNull(javaType, "javaType");
        return new AbiBinding(abiType, javaType, JavaConverter.of(abiType, javaType));
    }

    public AbiType abiType() {
        return abiType;
    }

    public Type javaType() {
        return javaType;
    }

    /**
     * The Java value of a generic value, as {@link Abi} decodes it for {@link #abiType()}.
     * Primitive Java types come boxed.
     *
     * @throws AbiException if the value does not fit the Java type (a uint256 too large for long)
     *     or a record's constructor refuses it
     */
    public Object toJava(Object abiValue) {
        return converter.toJava(abiValue, "cannot convert " + abiType + " to " + javaType.getTypeName());
    }

    /**
     * The generic value of a Java value, ready for {@link Abi#encode}.
     *
     * @throws IllegalArgumentException if the value is null, of another type, or out of range
     */
    public Object toAbi(Object javaValue) {
        return converter.toAbi(javaValue, "cannot convert " + javaType.getTypeName() + " to " + abiType);
    }

    @Override
    public String toString() {
        return abiType + " <-> " + javaType.getTypeName();
    }
}
