package io.zgnode.net.testing;

import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.chain.Hash;

/** A chain that knows only its id and its block 0. */
public final class FakeChain {

    private FakeChain() {
    }

    public static Chain of(long chainId, String genesisHashHex) {
        Hash hash = Hash.of(genesisHashHex);
        BlockHeader header = new BlockHeader(0, hash, Hash.ZERO, Address.of(new byte[20]), 0, Hash.ZERO, Hash.ZERO, Hash.ZERO,
                new byte[256], 30_000_000, 0, BigInteger.ONE);
        Block genesis = new Block(header, List.of());
        return (Chain) Proxy.newProxyInstance(FakeChain.class.getClassLoader(), new Class<?>[] {Chain.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "chainId" -> chainId;
                    case "block" -> args[0] instanceof Long n && n == 0 ? Optional.of(genesis) : Optional.empty();
                    case "toString" -> "FakeChain[" + chainId + "]";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    public static Chain dev() {
        return of(31337, "0x" + "ab".repeat(32));
    }
}
