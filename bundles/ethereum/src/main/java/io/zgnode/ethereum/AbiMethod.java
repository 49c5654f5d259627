package io.zgnode.ethereum;

import io.zgnode.ethereum.internal.AbiDecoder;
import io.zgnode.ethereum.internal.AbiEncoder;
import io.zgnode.ethereum.internal.Bytes;
import io.zgnode.ethereum.internal.JavaConverter;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A Java method bound to a contract function: decodes calldata straight into the method's
 * parameter types and encodes what it returns, with the mapping of {@link AbiBinding}. The
 * method's first {@code leadingParameters} parameters (a native contract's {@code CallContext})
 * are not the function's and are left for the caller to fill.
 *
 * <p>Returns: a function that returns nothing needs a {@code void} method; one return type binds
 * to the method's return type; several bind, as a tuple, to a record or {@code Object[]}.
 *
 * <p>Binding checks every type, so a badly declared method is refused once, with a message that
 * names the method and the parameter. Immutable and thread-safe.
 */
public final class AbiMethod {
    private final AbiFunction function;
    private final Method method;
    private final int leadingParameters;
    private final AbiType arguments;
    private final JavaConverter[] parameters;
    private final AbiType result;
    private final JavaConverter returns;

    private AbiMethod(AbiFunction function, Method method, int leadingParameters, JavaConverter[] parameters,
            AbiType result, JavaConverter returns) {
        this.function = function;
        this.method = method;
        this.leadingParameters = leadingParameters;
        this.arguments = AbiType.tuple(function.parameters());
        this.parameters = parameters;
        this.result = result;
        this.returns = returns;
    }

    /**
     * Binds {@code method} to {@code function}.
     *
     * @throws IllegalArgumentException if the parameter counts differ or a type does not bind
     */
    public static AbiMethod bind(AbiFunction function, Method method, int leadingParameters) {
        String where = "method " + method.getDeclaringClass().getSimpleName() + "." + method.getName() + " for " + function;
        List<AbiType> types = function.parameters();
        Type[] javaTypes = method.getGenericParameterTypes();
        if (leadingParameters < 0 || javaTypes.length - leadingParameters != types.size()) {
            throw new IllegalArgumentException(where + ": takes " + (javaTypes.length - leadingParameters)
                    + " ABI parameters after " + leadingParameters + " leading ones, the function " + types.size());
        }
        JavaConverter[] parameters = new JavaConverter[types.size()];
        for (int i = 0; i < parameters.length; i++) {
            try {
                parameters[i] = JavaConverter.of(types.get(i), javaTypes[leadingParameters + i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": parameter " + (leadingParameters + i + 1) + ": " + e.getMessage());
            }
        }
        List<AbiType> returnTypes = function.returns();
        Type returnType = method.getGenericReturnType();
        AbiType result = AbiType.tuple(returnTypes);
        JavaConverter returns = null;
        if (returnTypes.isEmpty()) {
            if (returnType != void.class) {
                throw new IllegalArgumentException(where + ": the function returns nothing, but the method returns "
                        + returnType.getTypeName());
            }
        } else if (returnType == void.class) {
            throw new IllegalArgumentException(where + ": the function returns " + returnTypes + ", but the method is void");
        } else {
            try {
                returns = JavaConverter.of(returnTypes.size() == 1 ? returnTypes.get(0) : result, returnType);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": return type: " + e.getMessage());
            }
        }
        return new AbiMethod(function, method, leadingParameters, parameters, result, returns);
    }

    public AbiFunction function() {
        return function;
    }

    public Method method() {
        return method;
    }

    /**
     * The method's arguments for {@code calldata}: an array with one slot per method parameter,
     * the leading ones null.
     *
     * @throws AbiException if the selector is not the function's, the data is malformed, or a
     *     value does not fit its Java type
     */
    public Object[] decodeArguments(byte[] calldata) {
        function.requireSelector(calldata);
        List<?> values = (List<?>) AbiDecoder.decode(arguments, calldata, AbiFunction.SELECTOR_LENGTH, calldata.length);
        Object[] javaArguments = new Object[leadingParameters + parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            javaArguments[leadingParameters + i] = parameters[i].toJava(values.get(i), "argument " + (i + 1) + " of " + function.signature());
        }
        return javaArguments;
    }

    /**
     * The ABI encoding of what the method returned (empty for a function that returns nothing).
     *
     * @throws IllegalArgumentException if the value does not fit the return types
     */
    public byte[] encodeResult(Object returned) {
        if (returns == null) {
            return Bytes.EMPTY;
        }
        Object value = returns.toAbi(returned, "return value of " + function.signature());
        List<?> values = result.components().size() == 1 ? List.of(value) : (List<?>) value;
        return AbiEncoder.encode(Bytes.EMPTY, result, values);
    }

    @Override
    public String toString() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + " <-> " + function
                + (leadingParameters == 0 ? "" : " after " + leadingParameters + " leading parameters");
    }
}
