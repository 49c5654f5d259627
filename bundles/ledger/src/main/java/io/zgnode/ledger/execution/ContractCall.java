package io.zgnode.ledger.execution;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.api.contract.CallContext;
import io.zgnode.api.contract.ContractEvent;
import io.zgnode.api.contract.ContractState;
import io.zgnode.api.contract.Gas;
import io.zgnode.api.contract.RevertException;
import io.zgnode.api.store.KeyValue;
import io.zgnode.ledger.state.WorldState;

/** The {@link CallContext} of one call to a native contract: metered state, transfers, events. */
final class ContractCall implements CallContext {

    private final WorldState state;
    private final Address contract;
    private final Address caller;
    private final BigInteger value;
    private final BlockContext block;
    private final Hash transactionHash;
    private final GasMeter gas;
    private final boolean readOnly;
    private final List<Log> logs;
    private final ContractState storage = new MeteredStorage(null);

    ContractCall(WorldState state, Address contract, Address caller, BigInteger value, BlockContext block, Hash transactionHash,
            GasMeter gas, boolean readOnly, List<Log> logs) {
        this.state = state;
        this.contract = contract;
        this.caller = caller;
        this.value = value;
        this.block = block;
        this.transactionHash = transactionHash;
        this.gas = gas;
        this.readOnly = readOnly;
        this.logs = logs;
    }

    @Override
    public Address caller() {
        return caller;
    }

    @Override
    public BigInteger value() {
        return value;
    }

    @Override
    public long blockNumber() {
        return block.number();
    }

    @Override
    public long timestamp() {
        return block.timestamp();
    }

    @Override
    public long chainId() {
        return block.chainId();
    }

    @Override
    public Hash transactionHash() {
        return transactionHash;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public ContractState state() {
        return storage;
    }

    @Override
    public ContractState stateOf(Address other) {
        return other.equals(contract) ? storage : new MeteredStorage(other);
    }

    @Override
    public BigInteger balanceOf(Address account) {
        gas.charge(Gas.STATE_READ);
        return state.account(account).balance();
    }

    @Override
    public void transfer(Address to, BigInteger amount) {
        requireWritable("transfer");
        if (amount.signum() < 0) {
            throw new RevertException("negative transfer");
        }
        gas.charge(Gas.TRANSFER);
        if (state.account(contract).balance().compareTo(amount) < 0) {
            throw new RevertException("insufficient contract balance for a transfer of " + amount);
        }
        state.subtractBalance(contract, amount);
        state.addBalance(to, amount);
    }

    @Override
    public void chargeGas(long amount) {
        gas.charge(amount);
    }

    @Override
    public long gasLeft() {
        return gas.left();
    }

    @Override
    public void emit(ContractEvent event, Object... values) {
        requireWritable("emit an event");
        Log log = EventCache.parse(event).encode(contract, Arrays.asList(values));
        gas.charge(Gas.LOG + Gas.LOG_TOPIC * log.topics().size() + Gas.LOG_BYTE * log.data().length);
        logs.add(log);
    }

    private void requireWritable(String what) {
        if (readOnly) {
            throw new RevertException("a view function cannot " + what);
        }
    }

    /** A contract's storage, every access metered: this contract's, or another's read-only. */
    private final class MeteredStorage implements ContractState {

        /** Whose storage; {@code null} for this contract's own. */
        private final Address other;

        MeteredStorage(Address other) {
            this.other = other;
        }

        private Address owner() {
            return other == null ? contract : other;
        }

        private void requireOwn() {
            if (other != null) {
                throw new RevertException("the storage of contract " + other + " is read-only here");
            }
            requireWritable("write state");
        }

        @Override
        public byte[] get(byte[] key) {
            gas.charge(Gas.STATE_READ);
            return state.storage(owner(), key);
        }

        @Override
        public void put(byte[] key, byte[] newValue) {
            requireOwn();
            gas.charge(Gas.STATE_WRITE + Gas.STATE_BYTE * (key.length + newValue.length));
            state.setStorage(contract, key, newValue.clone());
        }

        @Override
        public void delete(byte[] key) {
            requireOwn();
            gas.charge(Gas.STATE_WRITE);
            state.setStorage(contract, key, null);
        }

        @Override
        public Iterator<KeyValue> scan(byte[] from, byte[] to) {
            Iterator<KeyValue> entries = state.scanStorage(owner(), from, to);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public KeyValue next() {
                    gas.charge(Gas.STATE_SCAN_ENTRY);
                    return entries.next();
                }
            };
        }
    }
}
