package io.zgnode.runtime.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zgnode.crypto.Hex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code zgnode client balance ADDRESS}: an account's balance at the latest block (eth_getBalance). */
@Command(name = "balance", description = "Print an account's balance at the latest block (eth_getBalance), in wei and in ether;"
        + " JSON: {\"address\", \"wei\", \"ether\"} with the amounts as decimal strings.")
public final class BalanceCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "the account: 0x and 40 hex digits (mixed case must be a valid EIP-55 checksum)")
    String address;

    @Mixin
    RpcOption rpc = new RpcOption();

    @Override
    protected void run(Output output) {
        byte[] account = Addresses.parse(address, "ADDRESS");
        BigInteger wei = rpc.client().callQuantity("eth_getBalance", Hex.encode(account), "latest");
        String checksummed = Addresses.toChecksumAddress(account);
        String ether = ether(wei);
        output.line("%s: %s ether (%s wei)", checksummed, ether, wei);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", checksummed);
        json.put("wei", wei.toString());
        json.put("ether", ether);
        output.json(json);
    }

    /** Wei as ether, exactly: 10^18 wei = 1 ether, no trailing zeros ("1.5", "0", "0.000000000000000001"). */
    static String ether(BigInteger wei) {
        if (wei.signum() == 0) {
            return "0";
        }
        return new BigDecimal(wei, 18).stripTrailingZeros().toPlainString();
    }
}
