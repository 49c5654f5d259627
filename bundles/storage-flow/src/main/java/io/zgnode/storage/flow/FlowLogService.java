package io.zgnode.storage.flow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.chain.ChainListener;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Log;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.storage.FlowEntry;
import io.zgnode.api.storage.FlowListener;
import io.zgnode.api.storage.FlowLog;
import io.zgnode.ethereum.AbiEvent;

/**
 * The flow as the Flow contract's committed state holds it ({@link FlowLog}), and the
 * {@link FlowListener} whiteboard: as each block commits, the entries its Submit events announce
 * are read back from state and handed to every listener, in txSeq order.
 */
@Component(service = {FlowLog.class, ChainListener.class})
public class FlowLogService implements FlowLog, ChainListener {

    private static final Logger LOG = Logger.getLogger(FlowLogService.class.getName());
    private static final AbiEvent SUBMIT = AbiEvent.parse(FlowAbi.SUBMIT.declaration());
    /** Where {@code submissionIndex} is in the Submit event's values (sender and identity are topics). */
    private static final int SUBMISSION_INDEX = 2;

    private final Chain chain;
    private final Address flow;
    private final List<FlowListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public FlowLogService(@Reference Chain chain) {
        this.chain = chain;
        this.flow = StorageGenesis.of(chain.genesisParameters(StorageGenesis.MODULE)).flow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeListener")
    public void addListener(FlowListener listener) {
        listeners.add(listener);
    }

    public void removeListener(FlowListener listener) {
        listeners.remove(listener);
    }

    @Override
    public Address flowAddress() {
        return flow;
    }

    @Override
    public long nextTxSeq() {
        return state().nextTxSeq();
    }

    @Override
    public Optional<FlowEntry> entry(long txSeq) {
        return state().entry(txSeq).map(EntryCodec.Stored::entry);
    }

    @Override
    public List<FlowEntry> entriesByRoot(Hash root) {
        FlowState state = state();
        return state.txSeqsOf(root).stream().map(txSeq -> stored(state, txSeq)).toList();
    }

    @Override
    public List<FlowEntry> entries(long fromTxSeq, int max) {
        if (fromTxSeq < 0 || max < 0) {
            throw new IllegalArgumentException("entries from txSeq " + fromTxSeq + ", at most " + max + ": neither may be negative");
        }
        FlowState state = state();
        long next = state.nextTxSeq();
        long end = fromTxSeq >= next ? fromTxSeq : fromTxSeq + Math.min(next - fromTxSeq, Math.min(max, MAX_ENTRIES));
        List<FlowEntry> entries = new ArrayList<>();
        for (long txSeq = fromTxSeq; txSeq < end; txSeq++) {
            entries.add(stored(state, txSeq));
        }
        return entries;
    }

    @Override
    public Hash flowRoot() {
        return state().flowRoot();
    }

    @Override
    public long flowLength() {
        return state().length();
    }

    @Override
    public void blockCommitted(Block block, List<Receipt> receipts) {
        if (listeners.isEmpty()) {
            return;
        }
        List<FlowEntry> entries = entriesOf(receipts);
        if (entries.isEmpty()) {
            return;
        }
        for (FlowListener listener : listeners) {
            try {
                listener.entriesCommitted(entries);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "flow listener " + listener.getClass().getName() + " failed on the entries of block " + block.number(), e);
            }
        }
    }

    /** The entries a block's receipts announce, read back from state; Submit events come in txSeq order. */
    private List<FlowEntry> entriesOf(List<Receipt> receipts) {
        FlowState state = state();
        List<FlowEntry> entries = new ArrayList<>();
        for (Receipt receipt : receipts) {
            if (!receipt.success()) {
                continue;
            }
            for (Log log : receipt.logs()) {
                if (log.address().equals(flow) && SUBMIT.matches(log)) {
                    long txSeq = ((BigInteger) SUBMIT.decode(log).get(SUBMISSION_INDEX)).longValueExact();
                    entries.add(stored(state, txSeq));
                }
            }
        }
        return entries;
    }

    private FlowState state() {
        return new FlowState(key -> chain.contractStorage(flow, key).orElse(null));
    }

    private static FlowEntry stored(FlowState state, long txSeq) {
        return state.entry(txSeq).orElseThrow(() -> new IllegalStateException("flow entry " + txSeq + " is missing from the Flow contract's state"))
                .entry();
    }
}
