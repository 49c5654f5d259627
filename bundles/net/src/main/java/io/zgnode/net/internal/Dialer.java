package io.zgnode.net.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

import io.zgnode.api.net.PeerId;

/**
 * The addresses this node dials: its boot nodes, for ever, and those learned from peers, until
 * they fail too often. A target is dialed when it is not connected (by address or by the identity
 * last seen there) and its backoff has passed; the backoff doubles with each failure from
 * {@code minBackoff} to {@code maxBackoff}, with 20% jitter either way. A link that lived for
 * {@link #STABLE_MILLIS} counts as a success. Thread-safe (one lock, held briefly).
 */
public final class Dialer {

    /** A link that lasted this long resets its target's failures. */
    static final long STABLE_MILLIS = 10_000;
    /** Learned targets forgotten after this many failures in a row. */
    static final int MAX_LEARNED_FAILURES = 8;
    /** At most this many learned targets are kept. */
    static final int MAX_LEARNED = 1024;

    /** One address to dial. */
    public static final class Target {
        final HostPort address;
        final boolean boot;
        PeerId peer;
        int failures;
        long nextAttempt;
        boolean dialing;
        boolean self;

        Target(HostPort address, boolean boot) {
            this.address = address;
            this.boot = boot;
        }

        public HostPort address() {
            return address;
        }
    }

    /** What the dialer asks of the network. */
    public interface Network {
        boolean connected(PeerId peer);

        boolean banned(PeerId peer);

        int peerCount();
    }

    private final Map<HostPort, Target> targets = new LinkedHashMap<>();
    private final long minBackoff;
    private final long maxBackoff;
    private final int maxPeers;
    private final LongSupplier clock;

    public Dialer(List<HostPort> bootnodes, long minBackoffMillis, long maxBackoffMillis, int maxPeers) {
        this(bootnodes, minBackoffMillis, maxBackoffMillis, maxPeers, System::currentTimeMillis);
    }

    Dialer(List<HostPort> bootnodes, long minBackoffMillis, long maxBackoffMillis, int maxPeers, LongSupplier clock) {
        this.minBackoff = minBackoffMillis;
        this.maxBackoff = Math.max(minBackoffMillis, maxBackoffMillis);
        this.maxPeers = maxPeers;
        this.clock = clock;
        for (HostPort boot : bootnodes) {
            targets.put(boot, new Target(boot, true));
        }
    }

    /** The targets due now, marked as being dialed: the caller dials each and reports with {@link #ended}. */
    public synchronized List<HostPort> due(Network network) {
        long now = clock.getAsLong();
        List<HostPort> out = new ArrayList<>();
        int peers = network.peerCount();
        for (Target t : targets.values()) {
            if (t.self || t.dialing || now < t.nextAttempt) {
                continue;
            }
            if (t.peer != null && (network.connected(t.peer) || network.banned(t.peer))) {
                continue;
            }
            if (peers + out.size() >= maxPeers) {
                break;
            }
            t.dialing = true;
            out.add(t.address);
        }
        return out;
    }

    /**
     * A dial of {@code address} ended: it failed, or the link it made closed after
     * {@code linkMillis} ms (0 if it never came up).
     */
    public synchronized void ended(HostPort address, long linkMillis) {
        Target t = targets.get(address);
        if (t == null) {
            return;
        }
        t.dialing = false;
        if (linkMillis >= STABLE_MILLIS) {
            t.failures = 0;
        }
        t.failures++;
        if (!t.boot && t.failures > MAX_LEARNED_FAILURES) {
            targets.remove(address);
            return;
        }
        t.nextAttempt = clock.getAsLong() + backoff(t.failures);
    }

    /** A link to {@code peer} at {@code address} is up (dialed by either side). */
    public synchronized void connected(HostPort address, PeerId peer) {
        Target t = targets.get(address);
        if (t != null) {
            t.peer = peer;
        }
    }

    /** The peer at {@code address} went away: redial it after the shortest backoff. */
    public synchronized void lost(PeerId peer) {
        long next = clock.getAsLong() + backoff(1);
        for (Target t : targets.values()) {
            if (peer.equals(t.peer) && !t.dialing) {
                t.nextAttempt = Math.max(t.nextAttempt, next);
            }
        }
    }

    /** A peer told where {@code peer} listens. */
    public synchronized void learn(HostPort address, PeerId peer) {
        Target t = targets.get(address);
        if (t != null) {
            if (peer != null && !t.self) {
                t.peer = peer;
            }
            return;
        }
        if (targets.size() >= MAX_LEARNED + bootCount()) {
            return;
        }
        t = new Target(address, false);
        t.peer = peer;
        targets.put(address, t);
    }

    /** The address turned out to be this node's own. */
    public synchronized void self(HostPort address) {
        Target t = targets.get(address);
        if (t != null) {
            t.self = true;
            t.dialing = false;
        }
    }

    /** Dial {@code peer}'s addresses again at once (after an unban). */
    public synchronized void retry(PeerId peer) {
        for (Target t : targets.values()) {
            if (peer.equals(t.peer)) {
                t.nextAttempt = 0;
                t.failures = 0;
            }
        }
    }

    public synchronized int size() {
        return targets.size();
    }

    /** Snapshot for status output: address, boot, peer, failures. */
    public synchronized List<String> describe() {
        List<String> out = new ArrayList<>();
        long now = clock.getAsLong();
        for (Target t : targets.values()) {
            String state = t.self ? "self" : t.dialing ? "dialing/connected" : t.nextAttempt > now
                    ? "retry in " + (t.nextAttempt - now) / 1000 + " s" : "due";
            out.add(t.address + (t.boot ? " boot" : " learned") + (t.peer == null ? "" : " " + t.peer.shortForm())
                    + " " + state + (t.failures > 0 ? ", " + t.failures + " failures" : ""));
        }
        return out;
    }

    public synchronized long nextAttempt(HostPort address) {
        Target t = targets.get(address);
        return t == null ? -1 : t.nextAttempt;
    }

    public synchronized int failures(HostPort address) {
        Target t = targets.get(address);
        return t == null ? -1 : t.failures;
    }

    /** The delay after {@code failures} failures in a row: min * 2^(failures-1), capped, with jitter. */
    long backoff(int failures) {
        long base = minBackoff;
        for (int i = 1; i < failures && base < maxBackoff; i++) {
            base *= 2;
        }
        base = Math.min(base, maxBackoff);
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return (long) (base * jitter);
    }

    private int bootCount() {
        return (int) targets.values().stream().filter(t -> t.boot).count();
    }
}
