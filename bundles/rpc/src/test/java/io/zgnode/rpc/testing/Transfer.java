package io.zgnode.rpc.testing;

/** A record parameter and result. */
public record Transfer(String to, long amount, byte[] memo) {
}
