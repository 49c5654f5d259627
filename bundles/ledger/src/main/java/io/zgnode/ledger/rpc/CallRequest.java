package io.zgnode.ledger.rpc;

import java.math.BigInteger;
import java.util.Map;

import io.zgnode.api.chain.Address;
import io.zgnode.api.rpc.RpcException;

/** The call object of eth_call and eth_estimateGas. */
record CallRequest(Address from, Address to, BigInteger value, byte[] data, Long gas) {

    static CallRequest parse(Map<?, ?> call) {
        if (call == null) {
            throw RpcException.invalidParams("a call object is required");
        }
        Address from = call.get("from") == null ? Address.ZERO : address(call.get("from"), "from");
        if (call.get("to") == null) {
            throw RpcException.invalidParams("contract creation is not supported: code runs on this chain as native contracts shipped in bundles");
        }
        Address to = address(call.get("to"), "to");
        BigInteger value = call.get("value") == null ? BigInteger.ZERO : Quantities.parse(call.get("value"), "value");
        Object input = call.get("input") != null ? call.get("input") : call.get("data");
        byte[] data = input == null ? new byte[0] : Quantities.parseData(input, "input");
        Long gas = call.get("gas") == null ? null : Quantities.parseLong(call.get("gas"), "gas");
        return new CallRequest(from, to, value, data, gas);
    }

    private static Address address(Object value, String field) {
        try {
            return Address.of(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(field + ": " + e.getMessage());
        }
    }
}
