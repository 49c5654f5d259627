package io.zgnode.ethereum;

import io.zgnode.api.chain.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.NumericType;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/** Converts our types and generic values to web3j's typed values and back, for the cross-checks. */
final class Web3jAbi {
    private static final String GENERATED = "org.web3j.abi.datatypes.generated.";

    private Web3jAbi() {
    }

    /**
     * Whether web3j 4.12.3 encodes {@code type} as the specification says. It does not for
     * fixed-size arrays of dynamic types (it writes the elements in place, without offsets; fixed
     * after 4.12.3 by web3j pull request #2289), nor for static arrays and tuples nested in static
     * arrays and tuples (it sizes them wrongly in the head, so every later offset is off).
     * AbiTest and this class's hand-worked vectors cover those shapes instead.
     */
    static boolean encodes(AbiType type) {
        switch (type.kind()) {
            case FIXED_ARRAY:
                return !type.elementType().isDynamic() && isElementary(type.elementType());
            case ARRAY:
                return encodes(type.elementType());
            case TUPLE:
                return type.isDynamic()
                        ? type.components().stream().allMatch(Web3jAbi::encodes)
                        : type.components().stream().allMatch(Web3jAbi::isElementary);
            default:
                return true;
        }
    }

    /**
     * Whether web3j 4.12.3 decodes {@code type} from a type string: not tuples (it needs generated
     * classes), nor arrays of fixed-size arrays (it fails on them).
     */
    static boolean decodes(AbiType type) {
        switch (type.kind()) {
            case FIXED_ARRAY:
            case ARRAY:
                return isElementary(type.elementType()) || (type.kind() == AbiType.Kind.ARRAY
                        && type.elementType().kind() == AbiType.Kind.ARRAY && decodes(type.elementType()));
            case TUPLE:
                return false;
            default:
                return true;
        }
    }

    private static boolean isElementary(AbiType type) {
        return type.kind() != AbiType.Kind.ARRAY && type.kind() != AbiType.Kind.FIXED_ARRAY && type.kind() != AbiType.Kind.TUPLE;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Type<?> toWeb3j(AbiType type, Object value) {
        try {
            switch (type.kind()) {
                case UINT:
                    return (Type<?>) Class.forName(GENERATED + "Uint" + type.bits()).getConstructor(BigInteger.class).newInstance(value);
                case INT:
                    return (Type<?>) Class.forName(GENERATED + "Int" + type.bits()).getConstructor(BigInteger.class).newInstance(value);
                case ADDRESS:
                    return new org.web3j.abi.datatypes.Address(value.toString());
                case BOOL:
                    return new Bool((Boolean) value);
                case FIXED_BYTES:
                    return (Type<?>) Class.forName(GENERATED + "Bytes" + type.length()).getConstructor(byte[].class).newInstance(value);
                case BYTES:
                    return new DynamicBytes((byte[]) value);
                case STRING:
                    return new Utf8String((String) value);
                case ARRAY:
                    return new DynamicArray(web3jClass(type.elementType()), elements(type.elementType(), (List<?>) value));
                case FIXED_ARRAY:
                    return (Type<?>) web3jClass(type).getConstructor(Class.class, List.class)
                            .newInstance(web3jClass(type.elementType()), elements(type.elementType(), (List<?>) value));
                case TUPLE: {
                    List<Type> components = new ArrayList<>();
                    List<?> values = (List<?>) value;
                    for (int i = 0; i < values.size(); i++) {
                        components.add(toWeb3j(type.components().get(i), values.get(i)));
                    }
                    return type.isDynamic() ? new DynamicStruct(components) : new StaticStruct(components);
                }
                default:
                    throw new AssertionError(type);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Type<?>> elements(AbiType element, List<?> values) {
        List<Type<?>> converted = new ArrayList<>();
        for (Object value : values) {
            converted.add(toWeb3j(element, value));
        }
        return converted;
    }

    static Class<?> web3jClass(AbiType type) throws ClassNotFoundException {
        switch (type.kind()) {
            case UINT:
                return Class.forName(GENERATED + "Uint" + type.bits());
            case INT:
                return Class.forName(GENERATED + "Int" + type.bits());
            case ADDRESS:
                return org.web3j.abi.datatypes.Address.class;
            case BOOL:
                return Bool.class;
            case FIXED_BYTES:
                return Class.forName(GENERATED + "Bytes" + type.length());
            case BYTES:
                return DynamicBytes.class;
            case STRING:
                return Utf8String.class;
            case ARRAY:
                return DynamicArray.class;
            case FIXED_ARRAY:
                return Class.forName(GENERATED + "StaticArray" + type.length());
            default:
                return type.isDynamic() ? DynamicStruct.class : StaticStruct.class;
        }
    }

    /** Back to a generic value, for types without tuples (web3j decodes tuples only into generated classes). */
    static Object fromWeb3j(Type<?> value) {
        if (value instanceof NumericType numeric) {
            return numeric.getValue();
        }
        if (value instanceof org.web3j.abi.datatypes.Address address) {
            return Address.of(address.getValue());
        }
        if (value instanceof org.web3j.abi.datatypes.Array<?> array) {
            List<Object> elements = new ArrayList<>();
            for (Type<?> element : array.getValue()) {
                elements.add(fromWeb3j(element));
            }
            return elements;
        }
        return value.getValue();
    }
}
