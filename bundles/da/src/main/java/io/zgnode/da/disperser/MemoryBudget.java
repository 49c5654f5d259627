package io.zgnode.da.disperser;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The heap the dispersals in flight may hold: a blob's encoded matrix lives from its encoding to
 * the end of its dispersal, next to the copies its calls to the signers make. A blob waits for
 * room rather than run the node out of memory; one that could never fit is refused at once.
 * Counted in KiB so that a large heap fits a semaphore's int.
 */
final class MemoryBudget {

    private final Semaphore kib;
    private final int total;

    MemoryBudget(long bytes) {
        this.total = (int) Math.min(Integer.MAX_VALUE, bytes / 1024);
        this.kib = new Semaphore(total);
    }

    /** Half the heap the JVM may grow to: the rest is the node's own. */
    static MemoryBudget ofHeap() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory() / 2);
    }

    /**
     * Reserves room for a dispersal, waiting up to {@code timeoutMillis} for others to end.
     *
     * @throws InvalidBlobException if it does not fit the budget at all, or no room came in time
     */
    Reservation reserve(long bytes, long timeoutMillis) throws InvalidBlobException, InterruptedException {
        int needed = (int) Math.min(Integer.MAX_VALUE, (bytes + 1023) / 1024);
        if (needed > total) {
            throw new InvalidBlobException("this node's heap is too small to disperse a blob needing " + (bytes >> 20) + " MiB: it may use "
                    + (total >> 10) + " MiB for dispersals (half its heap); give it more heap (-Xmx, the devnet's --node-heap)");
        }
        if (!kib.tryAcquire(needed, timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new InvalidBlobException("the node is busy dispersing other blobs (" + ((total - kib.availablePermits()) >> 10)
                    + " MiB in flight); try again later");
        }
        return new Reservation(needed);
    }

    /** Room held for one dispersal; give it back once, when the dispersal ends. */
    final class Reservation implements AutoCloseable {

        private int held;

        private Reservation(int held) {
            this.held = held;
        }

        @Override
        public synchronized void close() {
            kib.release(held);
            held = 0;
        }
    }
}
