package io.zgnode.ledger;

import java.math.BigInteger;

import io.zgnode.api.chain.Address;
import io.zgnode.api.contract.CallContext;
import io.zgnode.api.contract.ContractEvent;
import io.zgnode.api.contract.ContractFunction;
import io.zgnode.api.contract.NativeContract;
import io.zgnode.api.contract.RevertException;

/** A small token as a native contract, to exercise dispatch, state, events, value and reverts. */
public class TestToken implements NativeContract {

    static final Address ADDRESS = Address.of("0x0000000000000000000000000000000000001001");
    static final ContractEvent TRANSFER = ContractEvent.of("Transfer(address indexed from, address indexed to, uint256 value)");

    /** A tuple argument and result. */
    public record Note(BigInteger number, String text) {
    }

    @Override
    public Address address() {
        return ADDRESS;
    }

    @Override
    public String name() {
        return "TestToken";
    }

    /** Mints one token per wei sent. */
    @ContractFunction(value = "deposit()", payable = true)
    public void deposit(CallContext ctx) {
        set(ctx, ctx.caller(), balance(ctx, ctx.caller()).add(ctx.value()));
        ctx.emit(TRANSFER, Address.ZERO, ctx.caller(), ctx.value());
    }

    @ContractFunction(value = "transfer(address,uint256)", returns = "bool")
    public boolean transfer(CallContext ctx, Address to, BigInteger amount) {
        BigInteger from = balance(ctx, ctx.caller());
        if (from.compareTo(amount) < 0) {
            throw new RevertException("insufficient token balance");
        }
        set(ctx, ctx.caller(), from.subtract(amount));
        set(ctx, to, balance(ctx, to).add(amount));
        ctx.emit(TRANSFER, ctx.caller(), to, amount);
        return true;
    }

    @ContractFunction(value = "balanceOf(address)", returns = "uint256", view = true)
    public BigInteger balanceOf(CallContext ctx, Address account) {
        return balance(ctx, account);
    }

    @ContractFunction(value = "setNote((uint256,string))")
    public void setNote(CallContext ctx, Note note) {
        ctx.state().put(new byte[] {'n'}, (note.number() + ":" + note.text()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @ContractFunction(value = "note()", returns = "(uint256,string)", view = true)
    public Note note(CallContext ctx) {
        byte[] stored = ctx.state().get(new byte[] {'n'});
        if (stored == null) {
            return new Note(BigInteger.ZERO, "");
        }
        String[] parts = new String(stored, java.nio.charset.StandardCharsets.UTF_8).split(":", 2);
        return new Note(new BigInteger(parts[0]), parts[1]);
    }

    /** Writes, then burns gas: out of gas must undo the write. */
    @ContractFunction(value = "writeThenBurn(uint256)")
    public void writeThenBurn(CallContext ctx, BigInteger gas) {
        ctx.state().put(new byte[] {'w'}, new byte[] {1});
        ctx.chargeGas(gas.longValueExact());
    }

    /** A bug: must revert, not break the node. */
    @ContractFunction(value = "broken()")
    public void broken(CallContext ctx) {
        ctx.state().put(new byte[] {'b'}, new byte[] {1});
        throw new IllegalStateException("bug");
    }

    @ContractFunction(value = "tryWrite()", view = true)
    public void tryWrite(CallContext ctx) {
        ctx.state().put(new byte[] {'v'}, new byte[] {1});
    }

    private static BigInteger balance(CallContext ctx, Address account) {
        byte[] stored = ctx.state().get(account.toArray());
        return stored == null ? BigInteger.ZERO : new BigInteger(1, stored);
    }

    private static void set(CallContext ctx, Address account, BigInteger amount) {
        ctx.state().put(account.toArray(), amount.toByteArray());
    }
}
