package io.zgnode.store.internal;

import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import io.zgnode.api.metrics.MetricSource;
import io.zgnode.api.metrics.MetricWriter;
import io.zgnode.api.store.KeyValue;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.api.store.StoreException;
import io.zgnode.api.store.StoreSnapshot;
import io.zgnode.api.store.WriteBatch;

/**
 * The node's key-value store: one MapDB file per data directory ({@code <dir>/store.db}, with
 * MapDB's write-ahead log beside it while a commit runs), one B-tree per namespace, created by
 * the first commit that puts into it. Keys are ordered by unsigned lexicographic byte order
 * (MapDB's {@code Serializer.BYTE_ARRAY} comparator, checked by the tests).
 *
 * <h2>MapDB options</h2> Figures from {@code StorePerformanceTest} on a 2-vCPU machine (noisy):
 * <ul>
 * <li>{@code transactionEnable()}: every commit is written to a write-ahead log, fsync'd, applied
 * to the file, fsync'd again; a crash at any point leaves either the whole commit or nothing
 * (the log is replayed or discarded on the next open; {@code CrashSafetyTest} kills a writer with
 * SIGKILL, also mid-commit). The two fsyncs bound small batches to about 300 commits/s: the chain
 * commits one batch per block, so that is ample, and large batches amortize them (about 90,000
 * random-key puts/s, 150,000 sequential-key puts/s in batches of 20,000).</li>
 * <li>{@code fileMmapEnableIfSupported()} (setting {@code mmap}, default on): reads go through a
 * memory map instead of a system call and a copy per B-tree node: about 400,000 point reads/s and
 * 3.7 M scanned entries/s, against 20,000 and 170,000 with a {@code FileChannel}, which also makes
 * large batches 5x slower. The {@code FileChannel} only wins on tiny commits (about 530/s, as the
 * write-ahead log file is not mapped anew per commit).</li>
 * <li>{@code allocateIncrement} (setting {@code allocate.increment.mib}, default 16 MiB): the file
 * grows in large steps so the map is extended rarely during large batches.</li>
 * <li>Per namespace: values stored outside the B-tree nodes and nodes of 16 keys (see
 * {@link #openMap(String)}).</li>
 * <li>Not used: {@code closeOnJvmShutdown} (a shutdown hook would pin this bundle's class loader
 * across updates; the framework's stop deactivates the component, which closes the file);
 * {@code cleanerHackEnable} (unmapping on close is only needed on Windows, and would turn any
 * late access into a JVM crash); {@code checksumHeaderBypass} (not needed: with the write-ahead
 * log a store killed without close reopens cleanly); {@code counterEnable} (an extra record write
 * per put for a count only the status command needs).</li>
 * </ul>
 *
 * <h2>Concurrency</h2>
 * <ul>
 * <li>One {@link ReentrantReadWriteLock} guards the MapDB state. A commit holds the write lock
 * from its first write to the end of {@code db.commit()}, so commits are serialized and nobody
 * sees a half-applied or not-yet-durable batch. Readers briefly block during a commit's fsyncs.</li>
 * <li>The MapDB work of a commit (and opening, namespace creation, rollback, close) runs on the
 * store's own {@code zgnode-store-writer} thread while the committing caller holds the write lock
 * and waits, uninterruptibly. An interrupt of the caller (components stop their workers that way)
 * would otherwise close MapDB's {@code FileChannel} mid-commit and leave the store unusable; the
 * caller's interrupt status is restored when its commit returns. The thread ends in
 * {@link #close()}.</li>
 * <li>Point reads take the read lock once; scans take it once per page
 * ({@code scan.page.size} entries) and never hold it while the caller consumes entries. Many
 * readers run at once.</li>
 * <li>Scans of the live store ({@link #scan}) are per-page consistent only: a later page may show
 * a later commit. A {@link StoreSnapshot} gives one consistent state across all its reads.</li>
 * <li>Snapshots: while at least one is open, each commit (under the write lock) records, for every
 * key it changes, the previous value or "absent" in each open snapshot's overlay unless the
 * overlay has that key already. Snapshot reads take the read lock and read the overlay first, then
 * the live map; so a snapshot reads exactly the state at its sequence. Overlays are only written
 * under the write lock and read under the read lock. A snapshot that is garbage collected without
 * being closed is dropped at the next commit.</li>
 * <li>{@link #close()} takes the write lock, so it waits for in-flight commits and page reads; after
 * it, every call fails with {@code StoreException("store is closed")}. Do not call it from a thread
 * that holds the read lock (no such callback exists).</li>
 * <li>Batches are not thread-safe (one thread at a time, as the API says); snapshots and the store
 * are.</li>
 * </ul>
 *
 * <h2>Arrays</h2> Keys and values passed to a batch are copied when passed, so the caller may
 * reuse its buffers. Every array returned (gets, scans) is a fresh copy owned by the caller.
 */
@Component(name = MapDbStore.PID, configurationPid = MapDbStore.PID, immediate = true,
        service = {KeyValueStore.class, MetricSource.class})
@Designate(ocd = StoreConfig.class)
public final class MapDbStore implements KeyValueStore, MetricSource, AutoCloseable {

    static final String PID = "io.zgnode.store";

    private static final System.Logger LOG = System.getLogger(PID);
    private static final String NAMESPACE_PREFIX = "ns/";
    private static final String SEQUENCE_NAME = "meta/sequence";
    private static final int NODE_SIZE = 16;

    private final StoreSettings settings;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final DB db;
    /** The one thread that changes the file (see {@link #onWriter(Callable)}). */
    private final ExecutorService writer;
    private final Atomic.Long sequenceVar;
    /** Open namespace maps; only added to under the write lock. */
    private final Map<String, BTreeMap<byte[], byte[]>> maps = new ConcurrentHashMap<>();
    private final Set<SnapshotRef> snapshots = ConcurrentHashMap.newKeySet();
    private final ReferenceQueue<Snapshot> collected = new ReferenceQueue<>();

    private volatile boolean closed;
    /** Set when a rollback failed: the in-memory state can no longer be trusted. */
    private volatile Throwable broken;
    private volatile long sequence;

    // metrics; written by the writer thread under the write lock
    private volatile long commits;
    private volatile long puts;
    private volatile long deletes;
    private volatile long bytesWritten;
    private volatile long failedCommits;

    /** Test hook: runs after a commit's writes are applied, before {@code db.commit()}. */
    volatile Runnable beforeDbCommit;

    /** Opened by Declarative Services with the store configuration. */
    @Activate
    public MapDbStore(BundleContext context, StoreConfig config) {
        this(StoreSettings.resolve(context, config));
    }

    /**
     * Opens (or creates) a store in {@code directory} with the default settings, outside a
     * framework: for other modules' tests and for tools. Close it with {@link #close()}.
     */
    public static MapDbStore open(Path directory) {
        return new MapDbStore(StoreSettings.of(directory));
    }

    /** Opens (or creates) the store described by {@code settings}. */
    MapDbStore(StoreSettings settings) {
        this.settings = settings;
        this.writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "zgnode-store-writer");
            thread.setDaemon(true);
            return thread;
        });
        DB opened = null;
        try {
            opened = onWriter(() -> openDb(settings));
            this.db = opened;
            this.sequenceVar = onWriter(this::load);
        } catch (RuntimeException | Error e) {
            if (opened != null) {
                DB failed = opened;
                onWriter(() -> {
                    failed.close();
                    return null;
                });
            }
            writer.shutdown();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "store opened: {0} (sequence {1}, {2} namespaces)", settings.file(),
                sequence, maps.size());
    }

    private static DB openDb(StoreSettings settings) {
        Path file = settings.file();
        try {
            Files.createDirectories(settings.directory());
        } catch (IOException e) {
            throw new StoreException("cannot create store directory " + settings.directory() + ": " + e, e);
        }
        DBMaker.Maker maker = DBMaker.fileDB(file.toFile())
                .transactionEnable()
                .allocateIncrement(settings.incrementMiB() * 1024L * 1024L);
        if (settings.mmap()) {
            maker = maker.fileMmapEnableIfSupported();
        }
        try {
            return maker.make();
        } catch (DBException.FileLocked e) {
            throw new StoreException("store file " + file + " is in use by another process or store instance", e);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open store file " + file + ": " + e, e);
        }
    }

    /** Opens the sequence record and the namespaces of a just opened file; on the writer thread. */
    private Atomic.Long load() {
        try {
            Atomic.Long var = db.atomicLong(SEQUENCE_NAME).createOrOpen();
            for (String name : db.getAllNames()) {
                if (name.startsWith(NAMESPACE_PREFIX)) {
                    maps.put(name.substring(NAMESPACE_PREFIX.length()), openMap(name));
                }
            }
            db.commit(); // persists the sequence record of a new file
            sequence = var.get();
            return var;
        } catch (RuntimeException e) {
            throw new StoreException("cannot read store file " + settings.file() + ": " + e, e);
        }
    }

    /**
     * Runs a task that changes the MapDB file on the store's own writer thread and waits for it.
     * {@code FileChannel} closes itself when the thread using it is interrupted, which MapDB
     * turns into a dead volume (and a failed rollback): so no MapDB write, commit, rollback, open
     * or close runs on a caller's thread, which may be interrupted by its owner at any time. The
     * wait is not interruptible; a caller's interrupt is kept and restored on return.
     */
    private <T> T onWriter(Callable<T> task) {
        Future<T> future;
        try {
            future = writer.submit(task);
        } catch (RejectedExecutionException e) {
            throw new StoreException("store is closed");
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new StoreException("store writer failed: " + cause, cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Opens or creates a namespace's B-tree. Values live outside the nodes, so a put rewrites a
     * small node of keys and value pointers instead of a node full of values (measured: 1.6x the
     * puts/s with 100 B values, 6x with 1 KB values, point reads as fast or faster, full scans
     * within 10%). Nodes hold up to 16 keys instead of 32: cheaper to rewrite and deserialize,
     * a level deeper only past millions of keys. Both are fixed when a namespace is created.
     */
    private BTreeMap<byte[], byte[]> openMap(String name) {
        return db.treeMap(name, Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable()
                .maxNodeSize(NODE_SIZE)
                .createOrOpen();
    }

    /** Closes the file; waits for in-flight commits and reads. Idempotent. */
    @Deactivate
    public void close() {
        Lock write = lock.writeLock();
        write.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            snapshots.clear();
            maps.clear();
            onWriter(() -> {
                db.close();
                return null;
            });
            LOG.log(System.Logger.Level.INFO, "store closed: {0} (sequence {1})", settings.file(), sequence);
        } catch (RuntimeException e) {
            throw new StoreException("closing store file " + settings.file() + " failed: " + e, e);
        } finally {
            write.unlock();
            stopWriter();
        }
    }

    private void stopWriter() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "store writer thread did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- KeyValueStore

    @Override
    public byte[] get(String namespace, byte[] key) {
        Bytes.namespace(namespace);
        Bytes.key(key);
        return read(() -> liveGet(namespace, key));
    }

    @Override
    public Iterator<KeyValue> scan(String namespace, byte[] from, byte[] to, boolean descending) {
        Bytes.namespace(namespace);
        KeyRange range = KeyRange.of(Bytes.bound(from), Bytes.bound(to));
        checkOpen();
        return new PagedIterator(
                (rest, desc) -> read(() -> livePage(namespace, rest, desc)), range, descending);
    }

    @Override
    public WriteBatch newBatch() {
        checkOpen();
        return new Batch(this);
    }

    @Override
    public StoreSnapshot snapshot() {
        return read(() -> {
            Overlay overlay = new Overlay(sequence);
            Snapshot snapshot = new Snapshot(this, overlay);
            snapshots.add(new SnapshotRef(snapshot, overlay, collected));
            return snapshot;
        });
    }

    @Override
    public long sequence() {
        checkOpen();
        return sequence;
    }

    // ---------------------------------------------------------------- reads (read lock held)

    /** Runs {@code reader} under the read lock, after checking that the store is open. */
    <T> T read(Supplier<T> reader) {
        Lock read = lock.readLock();
        read.lock();
        try {
            checkOpen();
            return reader.get();
        } catch (DBException e) {
            throw new StoreException("store read failed: " + e, e);
        } finally {
            read.unlock();
        }
    }

    /** The committed value of a key; caller holds the read lock. */
    byte[] liveGet(String namespace, byte[] key) {
        BTreeMap<byte[], byte[]> map = maps.get(namespace);
        return map == null ? null : map.get(key);
    }

    /** One page of committed entries with the rest of the range; caller holds the read lock. */
    PagedIterator.Page livePage(String namespace, KeyRange range, boolean descending) {
        List<KeyValue> entries = livePage(namespace, range, descending, settings.pageSize());
        KeyRange rest = entries.size() < settings.pageSize() ? null
                : range.after(entries.get(entries.size() - 1).key(), descending);
        return new PagedIterator.Page(entries, rest);
    }

    /** Up to {@code limit} committed entries of a range; caller holds the read lock. */
    List<KeyValue> livePage(String namespace, KeyRange range, boolean descending, int limit) {
        BTreeMap<byte[], byte[]> map = maps.get(namespace);
        if (map == null || range.isEmpty()) {
            return Collections.emptyList();
        }
        List<KeyValue> entries = new ArrayList<>(Math.min(limit, 64));
        for (Map.Entry<byte[], byte[]> e : range.view(map, descending).entrySet()) {
            // MapDB deserializes fresh arrays for every read: they can be handed out as they are
            entries.add(new KeyValue(e.getKey(), e.getValue()));
            if (entries.size() == limit) {
                break;
            }
        }
        return entries;
    }

    int pageSize() {
        return settings.pageSize();
    }

    void checkOpen() {
        if (closed) {
            throw new StoreException("store is closed");
        }
        Throwable failure = broken;
        if (failure != null) {
            throw new StoreException("store is unusable after a failed rollback (" + failure
                    + "); restart the store to recover from the write-ahead log", failure);
        }
    }

    // ---------------------------------------------------------------- commits

    /**
     * Applies a batch's pending writes in one MapDB transaction. {@code pending} maps each
     * namespace to its writes in key order, {@link Bytes#NONE} meaning delete; it is not empty.
     */
    void commit(Map<String, ? extends NavigableMap<byte[], byte[]>> pending) {
        Lock write = lock.writeLock();
        write.lock();
        try {
            checkOpen();
            onWriter(() -> {
                createNamespaces(pending);
                apply(pending);
                return null;
            });
        } finally {
            write.unlock();
        }
    }

    /** Applies and commits a batch, or rolls it back; on the writer thread, write lock held. */
    private void apply(Map<String, ? extends NavigableMap<byte[], byte[]>> pending) {
        List<Overlay> open = openOverlays();
        long batchPuts = 0;
        long batchDeletes = 0;
        long batchBytes = 0;
        Throwable failure = null;
        try {
            for (Map.Entry<String, ? extends NavigableMap<byte[], byte[]>> ns : pending.entrySet()) {
                BTreeMap<byte[], byte[]> map = maps.get(ns.getKey());
                if (map == null) {
                    continue; // only deletes in a namespace that does not exist
                }
                for (Map.Entry<byte[], byte[]> pendingWrite : ns.getValue().entrySet()) {
                    byte[] key = pendingWrite.getKey();
                    byte[] value = pendingWrite.getValue();
                    byte[] previous;
                    if (value == Bytes.NONE) {
                        previous = map.remove(key);
                        batchDeletes++;
                    } else {
                        previous = map.put(key, value);
                        batchPuts++;
                        batchBytes += key.length + value.length;
                    }
                    for (Overlay overlay : open) {
                        overlay.record(ns.getKey(), key, previous);
                    }
                }
            }
            sequenceVar.set(sequence + 1);
            Runnable hook = beforeDbCommit;
            if (hook != null) {
                hook.run();
            }
            db.commit();
        } catch (Throwable t) {
            failure = t;
            rollback(t);
        }
        if (failure != null) {
            failedCommits++;
            if (failure instanceof Error error && !(failure instanceof java.io.IOError)) {
                throw error;
            }
            throw new StoreException("commit failed, nothing was applied: " + failure, failure);
        }
        sequence++;
        commits++;
        puts += batchPuts;
        deletes += batchDeletes;
        bytesWritten += batchBytes;
    }

    /** Creates, in a transaction of their own, the namespaces this batch puts into. */
    private void createNamespaces(Map<String, ? extends NavigableMap<byte[], byte[]>> pending) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, ? extends NavigableMap<byte[], byte[]>> ns : pending.entrySet()) {
            if (!maps.containsKey(ns.getKey()) && hasPut(ns.getValue())) {
                missing.add(ns.getKey());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Map<String, BTreeMap<byte[], byte[]>> created = new TreeMap<>();
        try {
            for (String ns : missing) {
                created.put(ns, openMap(NAMESPACE_PREFIX + ns));
            }
            db.commit();
        } catch (RuntimeException e) {
            rollback(e);
            throw new StoreException("creating namespaces " + missing + " failed, nothing was applied: " + e, e);
        }
        maps.putAll(created);
    }

    private static boolean hasPut(NavigableMap<byte[], byte[]> writes) {
        for (byte[] value : writes.values()) {
            if (value != Bytes.NONE) {
                return true;
            }
        }
        return false;
    }

    private void rollback(Throwable cause) {
        try {
            db.rollback();
        } catch (Throwable t) {
            cause.addSuppressed(t);
            broken = t;
            LOG.log(System.Logger.Level.ERROR, "store rollback failed; the store refuses further use", t);
        }
    }

    /** The overlays of the open snapshots, dropping those collected unclosed; write lock held. */
    private List<Overlay> openOverlays() {
        Reference<? extends Snapshot> gone;
        while ((gone = collected.poll()) != null) {
            if (snapshots.remove(gone)) {
                LOG.log(System.Logger.Level.WARNING,
                        "a store snapshot was garbage collected without close(); close snapshots when done");
            }
        }
        if (snapshots.isEmpty()) {
            return List.of();
        }
        List<Overlay> open = new ArrayList<>(snapshots.size());
        for (SnapshotRef ref : snapshots) {
            open.add(ref.overlay);
        }
        return open;
    }

    /** Called by {@link Snapshot#close()}. */
    void release(Overlay overlay) {
        snapshots.removeIf(ref -> ref.overlay == overlay);
    }

    /** Registry entry of an open snapshot: weak to the snapshot, strong to its overlay. */
    private static final class SnapshotRef extends WeakReference<Snapshot> {
        final Overlay overlay;

        SnapshotRef(Snapshot snapshot, Overlay overlay, ReferenceQueue<Snapshot> queue) {
            super(snapshot, queue);
            this.overlay = overlay;
        }
    }

    // ---------------------------------------------------------------- status and metrics

    Path file() {
        return settings.file();
    }

    StoreSettings settings() {
        return settings;
    }

    long fileSize() {
        try {
            return Files.size(settings.file());
        } catch (IOException e) {
            return -1;
        }
    }

    int openSnapshots() {
        return snapshots.size();
    }

    boolean isClosed() {
        return closed;
    }

    /** Entry counts per namespace; counts by iterating each namespace (cost grows with its size). */
    SortedMap<String, Long> namespaceSizes() {
        return read(() -> {
            SortedMap<String, Long> sizes = new TreeMap<>();
            for (Map.Entry<String, BTreeMap<byte[], byte[]>> e : maps.entrySet()) {
                sizes.put(e.getKey(), e.getValue().sizeLong());
            }
            return sizes;
        });
    }

    @Override
    public void collect(MetricWriter out) {
        out.counter("zgnode_store_commits_total", "Batches committed to the store", commits);
        out.counter("zgnode_store_commit_failures_total", "Commits that failed and were rolled back",
                failedCommits);
        out.counter("zgnode_store_puts_total", "Keys written by committed batches", puts);
        out.counter("zgnode_store_deletes_total", "Deletes applied by committed batches", deletes);
        out.counter("zgnode_store_bytes_written_total", "Key and value bytes written by committed batches",
                bytesWritten);
        out.gauge("zgnode_store_sequence", "Commit sequence number of the store", sequence);
        out.gauge("zgnode_store_open_snapshots", "Snapshots open on the store", snapshots.size());
        out.gauge("zgnode_store_namespaces", "Namespaces in the store", maps.size());
        out.gauge("zgnode_store_file_size_bytes", "Size of the store file", closed ? 0 : fileSize());
    }
}
