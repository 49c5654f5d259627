package io.zgnode.ledger.execution;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import io.zgnode.api.contract.CallContext;
import io.zgnode.api.contract.ContractFunction;
import io.zgnode.api.contract.NativeContract;
import io.zgnode.ethereum.AbiFunction;
import io.zgnode.ethereum.AbiMethod;

/**
 * A native contract with its functions bound: selector to Java method, with the ABI decoding of
 * arguments and encoding of results prepared once. A contract whose declarations do not fit
 * (a type that does not bind, a missing CallContext parameter, two functions with one selector)
 * is refused with a message naming the method.
 */
final class ContractBinding {

    /** One function. */
    record Function(AbiMethod method, boolean view, boolean payable) {
    }

    private final NativeContract contract;
    private final Map<Integer, Function> functions;

    private ContractBinding(NativeContract contract, Map<Integer, Function> functions) {
        this.contract = contract;
        this.functions = functions;
    }

    static ContractBinding of(NativeContract contract) {
        Map<Integer, Function> functions = new HashMap<>();
        Class<?> type = contract.getClass();
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException("native contract class " + type.getName() + " must be public");
        }
        for (Method method : type.getMethods()) {
            ContractFunction declared = method.getAnnotation(ContractFunction.class);
            if (declared == null) {
                continue;
            }
            String where = type.getSimpleName() + "." + method.getName();
            if (method.getParameterCount() == 0 || method.getParameterTypes()[0] != CallContext.class) {
                throw new IllegalArgumentException(where + ": the first parameter of a contract function must be the CallContext");
            }
            if (declared.view() && declared.payable()) {
                throw new IllegalArgumentException(where + ": a function cannot be both view and payable");
            }
            AbiFunction function = AbiFunction.parse(declared.value(), declared.returns());
            Function bound = new Function(AbiMethod.bind(function, method, 1), declared.view(), declared.payable());
            Function clash = functions.put(function.selectorAsInt(), bound);
            if (clash != null) {
                throw new IllegalArgumentException(where + ": " + function.signature() + " has the selector of "
                        + clash.method().function().signature());
            }
        }
        return new ContractBinding(contract, Map.copyOf(functions));
    }

    NativeContract contract() {
        return contract;
    }

    Function function(int selector) {
        return functions.get(selector);
    }

    int functionCount() {
        return functions.size();
    }
}
