package io.zgnode.ledger.shell;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.shell.ShellCommand;
import io.zgnode.ethereum.RevertReason;
import io.zgnode.ledger.Ledger;

/** {@code chain:status}, {@code chain:block N|HASH}, {@code chain:tx HASH}, {@code chain:balance ADDR}. */
@Component(service = ChainCommands.class)
@ShellCommand(scope = "chain", function = {"status", "block", "tx", "balance"})
public class ChainCommands {

    private static final BigDecimal WEI_PER_TOKEN = new BigDecimal(BigInteger.TEN.pow(18));

    private final Ledger ledger;

    @Activate
    public ChainCommands(@Reference Ledger ledger) {
        this.ledger = ledger;
    }

    @Descriptor("show the chain: id, head, base fee, pool, native contracts")
    public String status() {
        BlockHeader head = ledger.head();
        StringBuilder out = new StringBuilder();
        line(out, "chain id", Long.toString(ledger.chainId()));
        line(out, "head", head.number() + " " + head.hash() + " at " + Instant.ofEpochSecond(head.timestamp()));
        line(out, "state root", head.stateRoot().toString());
        line(out, "base fee", ledger.nextBaseFee() + " wei");
        line(out, "pool", ledger.size() + " transactions waiting");
        ledger.contracts().names().forEach((address, name) -> line(out, "contract", name + " at " + address));
        return out.toString().stripTrailing();
    }

    @Descriptor("show a block by number or hash")
    public String block(@Descriptor("block number or 0x hash") String id) {
        Optional<Block> block = id.startsWith("0x") && id.length() == 66 ? ledger.block(Hash.of(id)) : parseNumber(id).flatMap(ledger::block);
        if (block.isEmpty()) {
            return "no block " + id;
        }
        BlockHeader h = block.get().header();
        StringBuilder out = new StringBuilder();
        line(out, "number", Long.toString(h.number()));
        line(out, "hash", h.hash().toString());
        line(out, "parent", h.parentHash().toString());
        line(out, "time", h.timestamp() + " (" + Instant.ofEpochSecond(h.timestamp()) + ")");
        line(out, "proposer", h.proposer().toString());
        line(out, "state root", h.stateRoot().toString());
        line(out, "gas", h.gasUsed() + " of " + h.gasLimit() + ", base fee " + h.baseFeePerGas() + " wei");
        line(out, "txs", Integer.toString(block.get().transactions().size()));
        for (Transaction transaction : block.get().transactions()) {
            line(out, "", transaction.hash() + " " + transaction.from() + " -> " + transaction.to());
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("show a transaction and its receipt")
    public String tx(@Descriptor("transaction hash") String hash) {
        Hash id;
        try {
            id = Hash.of(hash);
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
        Optional<Transaction> pending = ledger.get(id);
        Optional<Transaction> transaction = pending.isPresent() ? pending : ledger.transaction(id);
        if (transaction.isEmpty()) {
            return "no transaction " + hash;
        }
        Transaction t = transaction.get();
        StringBuilder out = new StringBuilder();
        line(out, "hash", t.hash().toString());
        line(out, "type", Integer.toString(t.type()));
        line(out, "from", t.from() + " (nonce " + t.nonce() + ")");
        line(out, "to", String.valueOf(t.to()));
        line(out, "value", t.value() + " wei");
        line(out, "gas limit", Long.toString(t.gasLimit()));
        Optional<Receipt> receipt = ledger.receipt(id);
        if (receipt.isEmpty()) {
            line(out, "status", "pending");
        } else {
            Receipt r = receipt.get();
            line(out, "status", (r.success() ? "success" : "failed" + RevertReason.decode(r.revertData()).map(m -> ": " + m).orElse(""))
                    + " in block " + r.blockNumber() + " at index " + r.transactionIndex());
            line(out, "gas used", r.gasUsed() + " at " + r.effectiveGasPrice() + " wei");
            line(out, "logs", Integer.toString(r.logs().size()));
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("show an account's balance and nonce")
    public String balance(@Descriptor("0x address") String address) {
        Address account;
        try {
            account = Address.of(address);
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
        var state = ledger.account(account);
        return account + ": " + new BigDecimal(state.balance()).divide(WEI_PER_TOKEN).stripTrailingZeros().toPlainString()
                + " (" + state.balance() + " wei), nonce " + state.nonce();
    }

    private static Optional<Long> parseNumber(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-10s %s%n", label, value));
    }
}
