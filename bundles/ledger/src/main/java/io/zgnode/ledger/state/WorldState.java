package io.zgnode.ledger.state;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Account;
import io.zgnode.api.chain.Address;
import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.Keys;
import io.zgnode.api.store.WriteBatch;

/**
 * The state as a block (or a call) changes it: reads and writes go through the block's write
 * batch, and every write is journaled so that a reverted call is undone exactly
 * ({@link #checkpoint()} / {@link #revertTo(int)}). Decoded accounts are cached for the block.
 * It also remembers which keys changed, for the state tree at the block's end. Used by one thread.
 */
public final class WorldState {

    /** A write and what it replaced. */
    private record Change(String namespace, byte[] key, byte[] previous) {
    }

    private final WriteBatch batch;
    private final List<Change> journal = new ArrayList<>();
    private final Map<Address, Account> accounts = new HashMap<>();
    private final Map<Touched, Touched> touched = new LinkedHashMap<>();

    /** A key written in this block, by namespace and store key. */
    public record Touched(String namespace, byte[] key) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Touched that && namespace.equals(that.namespace) && Arrays.equals(key, that.key);
        }

        @Override
        public int hashCode() {
            return 31 * namespace.hashCode() + Arrays.hashCode(key);
        }
    }

    public WorldState(WriteBatch batch) {
        this.batch = batch;
    }

    public Account account(Address address) {
        Account cached = accounts.get(address);
        if (cached == null) {
            cached = AccountCodec.decode(batch.get(StateKeys.ACCOUNTS, StateKeys.accountKey(address)));
            accounts.put(address, cached);
        }
        return cached;
    }

    public void setAccount(Address address, Account account) {
        byte[] key = StateKeys.accountKey(address);
        write(StateKeys.ACCOUNTS, key, AccountCodec.isEmpty(account) ? null : AccountCodec.encode(account));
        accounts.put(address, account);
    }

    public void addBalance(Address address, BigInteger amount) {
        if (amount.signum() != 0) {
            Account account = account(address);
            setAccount(address, new Account(account.balance().add(amount), account.nonce()));
        }
    }

    /** Takes {@code amount} from the balance; the caller has checked that it is there. */
    public void subtractBalance(Address address, BigInteger amount) {
        Account account = account(address);
        BigInteger balance = account.balance().subtract(amount);
        if (balance.signum() < 0) {
            throw new IllegalStateException("balance of " + address + " would go below zero");
        }
        setAccount(address, new Account(balance, account.nonce()));
    }

    public void incrementNonce(Address address) {
        Account account = account(address);
        setAccount(address, new Account(account.balance(), account.nonce() + 1));
    }

    public byte[] storage(Address contract, byte[] key) {
        return batch.get(StateKeys.STORAGE, StateKeys.storageKey(contract, key));
    }

    public void setStorage(Address contract, byte[] key, byte[] value) {
        write(StateKeys.STORAGE, StateKeys.storageKey(contract, key), value);
    }

    /** Entries of one contract's storage with {@code from <= key < to}, keys without the contract prefix. */
    public Iterator<KeyValue> scanStorage(Address contract, byte[] from, byte[] to) {
        byte[] prefix = contract.toArray();
        byte[] start = Keys.concat(prefix, from == null ? new byte[0] : from);
        byte[] end = to == null ? Keys.prefixEnd(prefix) : Keys.concat(prefix, to);
        Iterator<KeyValue> entries = batch.scan(StateKeys.STORAGE, start, end, false);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public KeyValue next() {
                KeyValue entry = entries.next();
                return new KeyValue(Arrays.copyOfRange(entry.key(), prefix.length, entry.key().length), entry.value());
            }
        };
    }

    /** Marks the journal; {@link #revertTo} undoes every write after it. */
    public int checkpoint() {
        return journal.size();
    }

    public void revertTo(int checkpoint) {
        for (int i = journal.size() - 1; i >= checkpoint; i--) {
            Change change = journal.remove(i);
            if (change.previous() == null) {
                batch.delete(change.namespace(), change.key());
            } else {
                batch.put(change.namespace(), change.key(), change.previous());
            }
        }
        // decoded accounts may be from undone writes: read them again
        accounts.clear();
    }

    /** Every key written since this state was opened (reverted ones included), in first-write order. */
    public Iterable<Touched> touched() {
        return touched.values();
    }

    /** The current value of a touched key, or {@code null} when it is absent. */
    public byte[] current(Touched key) {
        return batch.get(key.namespace(), key.key());
    }

    private void write(String namespace, byte[] key, byte[] value) {
        journal.add(new Change(namespace, key, batch.get(namespace, key)));
        Touched written = new Touched(namespace, key);
        touched.putIfAbsent(written, written);
        if (value == null) {
            batch.delete(namespace, key);
        } else {
            batch.put(namespace, key, value);
        }
    }
}
