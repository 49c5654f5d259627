package io.zgnode.runtime.cli;

import java.math.BigInteger;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code zgnode client block-number}: the number of the node's latest block (eth_blockNumber). */
@Command(name = "block-number", description = "Print the number of the node's latest block (eth_blockNumber); JSON: {\"blockNumber\": N}.")
public final class BlockNumberCommand extends ClientCommand {

    @Mixin
    RpcOption rpc = new RpcOption();

    @Override
    protected void run(Output output) {
        BigInteger number = rpc.client().callQuantity("eth_blockNumber");
        output.line(number.toString());
        output.json(Map.of("blockNumber", number));
    }
}
