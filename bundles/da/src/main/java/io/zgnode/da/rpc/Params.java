package io.zgnode.da.rpc;

import io.zgnode.api.chain.Hash;
import io.zgnode.api.rpc.RpcException;

/** Parameter checks shared by the DA endpoints: a bad one is the caller's error, named. */
final class Params {

    private Params() {
    }

    static Hash hash(String hex, String what) {
        try {
            return Hash.of(hex);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RpcException.invalidParams(what + " must be a 32-byte 0x-hex hash, not " + hex);
        }
    }
}
