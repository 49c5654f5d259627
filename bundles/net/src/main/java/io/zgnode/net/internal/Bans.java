package io.zgnode.net.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.zgnode.api.net.PeerId;

/**
 * Penalty points and bans, in memory (a restarted node forgets them).
 * <p>Peers are banned by identity when their points reach the threshold or by
 * {@link #ban(PeerId, Duration, String)}; addresses (IPs) are banned when an inbound connection
 * from them fails the handshake with garbage, before any identity is proven. An address ban
 * refuses inbound connections from it (closed at accept) and nothing else: links already up stay,
 * and this node still dials it. Points decay by one every
 * {@value #DECAY_MILLIS} ms, so only a peer that keeps misbehaving is banned. Thread-safe.
 */
public final class Bans {

    /** Points that decay per {@link #DECAY_MILLIS}. */
    public static final long DECAY_MILLIS = 10_000;

    /** Penalty weights. */
    public static final int MALFORMED = 100;
    public static final int OVERSIZED = 100;
    /** Lower than the others: a bit flipped on the path (not by the peer) looks the same. */
    public static final int DECRYPTION = 50;
    public static final int INVALID_REQUEST = 20;
    public static final int REJECTED = 10;

    public record Ban(Instant until, String reason) {
    }

    private static final class Score {
        long points;
        long at;
    }

    private final Map<PeerId, Ban> peers = new ConcurrentHashMap<>();
    private final Map<InetAddress, Ban> addresses = new ConcurrentHashMap<>();
    private final Map<PeerId, Score> scores = new ConcurrentHashMap<>();
    private final int threshold;
    private final LongSupplier clock;

    public Bans(int threshold) {
        this(threshold, System::currentTimeMillis);
    }

    Bans(int threshold, LongSupplier clock) {
        this.threshold = threshold;
        this.clock = clock;
    }

    public int threshold() {
        return threshold;
    }

    public boolean banned(PeerId peer) {
        return active(peers, peer) != null;
    }

    public boolean banned(InetAddress address) {
        return address != null && active(addresses, address) != null;
    }

    public Ban ban(PeerId peer) {
        return active(peers, peer);
    }

    public void ban(PeerId peer, Duration duration, String reason) {
        peers.put(peer, new Ban(until(duration), reason));
        scores.remove(peer);
    }

    public void ban(InetAddress address, Duration duration, String reason) {
        addresses.put(address, new Ban(until(duration), reason));
    }

    /** @return whether it was banned */
    public boolean unban(PeerId peer) {
        scores.remove(peer);
        return peers.remove(peer) != null;
    }

    public boolean unban(InetAddress address) {
        return addresses.remove(address) != null;
    }

    /**
     * Adds points to a peer's score.
     *
     * @return true if the score reached the threshold (the caller bans the peer)
     */
    public boolean penalize(PeerId peer, int points) {
        long now = clock.getAsLong();
        Score score = scores.computeIfAbsent(peer, p -> new Score());
        synchronized (score) {
            decay(score, now);
            score.points += points;
            return score.points >= threshold;
        }
    }

    /** The peer's current (decayed) points. */
    public int penalty(PeerId peer) {
        Score score = scores.get(peer);
        if (score == null) {
            return 0;
        }
        synchronized (score) {
            decay(score, clock.getAsLong());
            return (int) Math.min(Integer.MAX_VALUE, score.points);
        }
    }

    /** The active bans by peer, sorted. */
    public Map<PeerId, Ban> peers() {
        prune();
        return new TreeMap<>(peers);
    }

    /** The active bans by address. */
    public Map<String, Ban> addresses() {
        prune();
        Map<String, Ban> out = new TreeMap<>();
        addresses.forEach((a, b) -> out.put(a.getHostAddress(), b));
        return out;
    }

    public int size() {
        prune();
        return peers.size() + addresses.size();
    }

    /** Forgets expired bans and scores that have decayed to nothing. */
    public void prune() {
        long now = clock.getAsLong();
        peers.values().removeIf(b -> b.until().toEpochMilli() <= now);
        addresses.values().removeIf(b -> b.until().toEpochMilli() <= now);
        scores.values().removeIf(s -> {
            synchronized (s) {
                decay(s, now);
                return s.points == 0;
            }
        });
    }

    private <K> Ban active(Map<K, Ban> map, K key) {
        Ban ban = map.get(key);
        if (ban == null) {
            return null;
        }
        if (ban.until().toEpochMilli() <= clock.getAsLong()) {
            map.remove(key, ban);
            return null;
        }
        return ban;
    }

    private Instant until(Duration duration) {
        long millis = duration.isNegative() ? 0 : Math.min(duration.toMillis(), Long.MAX_VALUE / 4);
        return Instant.ofEpochMilli(clock.getAsLong() + millis);
    }

    private static void decay(Score score, long now) {
        if (score.at == 0) {
            score.at = now;
            return;
        }
        long steps = (now - score.at) / DECAY_MILLIS;
        if (steps > 0) {
            score.points = Math.max(0, score.points - steps);
            score.at += steps * DECAY_MILLIS;
        }
    }
}
