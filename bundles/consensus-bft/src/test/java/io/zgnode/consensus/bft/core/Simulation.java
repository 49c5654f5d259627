package io.zgnode.consensus.bft.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import io.zgnode.api.chain.Hash;

/**
 * A deterministic simulated network of cores: virtual time, one event queue, seeded random
 * delays (so messages are reordered), drops, crashes and restarts. Block sync is modelled by
 * status announcements and certificate hand-over, verified as the engine verifies them. Every
 * decision is checked against every other node's at once: a conflicting commit fails the test
 * where it happens.
 */
final class Simulation {

    final Random random;
    final ValidatorSet set;
    final Timeouts timeouts;
    final List<Node> nodes = new ArrayList<>();
    /** The decided value of each height, as first seen; every later decision must match it. */
    final Map<Long, Hash> decided = new TreeMap<>();
    final Set<Hash> invalid = new HashSet<>();
    long now;
    int minDelay = 5;
    int maxDelay = 120;
    double dropRate;
    long tickMillis = 400;
    private long sequence;
    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time)
            : Long.compare(a.sequence, b.sequence));

    private record Event(long time, long sequence, Node node, int generation, Runnable action) {
    }

    /** Status announcement: the sender's highest decided height. */
    record Status(int from, long head) {
    }

    record SyncRequest(int from, long height) {
    }

    record SyncResponse(byte[] certificate) {
    }

    Simulation(long seed, Timeouts timeouts, long... powers) {
        this.random = new Random(seed);
        this.set = TestValidators.set(powers);
        this.timeouts = timeouts;
        for (int i = 0; i < powers.length; i++) {
            nodes.add(new Node(i, TendermintCore.Misbehavior.NONE));
        }
    }

    Simulation(long seed, long... powers) {
        this(seed, new Timeouts(600, 300, 300, 200, 50), powers);
    }

    void start() {
        for (Node node : nodes) {
            node.boot(1);
        }
    }

    /** Runs events until virtual time {@code until}. */
    void runUntil(long until) {
        while (!queue.isEmpty() && queue.peek().time <= until) {
            Event event = queue.poll();
            now = event.time;
            if (event.node == null || (!event.node.crashed && event.node.generation == event.generation)) {
                event.action.run();
            }
        }
        now = until;
    }

    /** Runs until {@code done} holds or {@code limit} virtual milliseconds have passed; whether it held. */
    boolean runUntil(BooleanSupplier done, long limit) {
        long end = now + limit;
        while (!done.getAsBoolean()) {
            if (queue.isEmpty() || queue.peek().time > end) {
                now = end;
                return done.getAsBoolean();
            }
            Event event = queue.poll();
            now = event.time;
            if (event.node == null || (!event.node.crashed && event.node.generation == event.generation)) {
                event.action.run();
            }
        }
        return true;
    }

    void at(long delay, Node node, Runnable action) {
        queue.add(new Event(now + delay, sequence++, node, node.generation, action));
    }

    /** Sends to every other node, each copy with its own delay, maybe dropped. */
    void broadcast(Node from, Object message) {
        for (Node to : nodes) {
            if (to != from) {
                send(to, message);
            }
        }
    }

    void send(Node to, Object message) {
        if (dropRate > 0 && random.nextDouble() < dropRate) {
            return;
        }
        long delay = minDelay + random.nextInt(maxDelay - minDelay + 1);
        at(delay, to, () -> to.receive(message));
    }

    /** The lowest height every live node has decided. */
    long minHeight(List<Node> of) {
        return of.stream().mapToLong(Node::head).min().orElse(0);
    }

    List<Node> live() {
        return nodes.stream().filter(n -> !n.crashed).toList();
    }

    /** One simulated validator: a core, its log, its decisions. */
    final class Node implements Outbox {

        final int index;
        final ValidatorKey key;
        final MemoryWal wal = new MemoryWal();
        final Map<Long, Certificate> decisions = new TreeMap<>();
        final List<Evidence> evidence = new ArrayList<>();
        final List<Vote> sent = new ArrayList<>();
        final Map<Long, Integer> roundsUsed = new HashMap<>();
        TendermintCore.Misbehavior misbehavior;
        /** A Byzantine proposer: signs a second, different block for each of its proposals. */
        boolean conflictingProposals;
        TendermintCore core;
        boolean crashed;
        int generation;
        long heightStarted;
        int proposalsMade;

        Node(int index, TendermintCore.Misbehavior misbehavior) {
            this.index = index;
            this.key = TestValidators.key(index);
            this.misbehavior = misbehavior;
        }

        long head() {
            return decisions.isEmpty() ? 0 : ((TreeMap<Long, Certificate>) decisions).lastKey();
        }

        void boot(long height) {
            core = new TendermintCore(TestValidators.CHAIN_ID, timeouts, key, wal, this, misbehavior);
            enter(height);
            tick();
        }

        private void enter(long height) {
            heightStarted = now;
            core.startHeight(height, set);
        }

        void crash() {
            crashed = true;
            generation++;
        }

        /** A restart: a new core on the same log, from the last decided height. */
        void restart() {
            crashed = false;
            generation++;
            boot(head() + 1);
        }

        private void tick() {
            at(tickMillis, this, () -> {
                for (Object message : core.ownMessages()) {
                    Simulation.this.broadcast(this, message);
                }
                Simulation.this.broadcast(this, new Status(index, head()));
                tick();
            });
        }

        void receive(Object message) {
            if (message instanceof Proposal proposal) {
                core.onProposal(proposal);
            } else if (message instanceof Vote vote) {
                core.onVote(vote);
            } else if (message instanceof Status status) {
                if (status.head() >= core.height() && now - heightStarted > 2 * tickMillis && !decisions.containsKey(core.height())) {
                    send(nodes.get(status.from()), new SyncRequest(index, core.height()));
                }
            } else if (message instanceof SyncRequest request) {
                Certificate certificate = decisions.get(request.height());
                if (certificate != null) {
                    send(nodes.get(request.from()), new SyncResponse(certificate.encode()));
                }
            } else if (message instanceof SyncResponse response) {
                try {
                    Certificate certificate = Certificate.decode(response.certificate());
                    if (certificate.height() != core.height() || decisions.containsKey(certificate.height())) {
                        return;
                    }
                    certificate.verify(TestValidators.CHAIN_ID, set);
                    record(certificate);
                    enter(certificate.height() + 1);
                } catch (InvalidMessageException e) {
                    throw new AssertionError("a certificate from an honest node does not verify: " + e.getMessage());
                }
            }
        }

        private void record(Certificate certificate) {
            Hash first = decided.putIfAbsent(certificate.height(), certificate.value());
            if (first != null && !first.equals(certificate.value())) {
                throw new AssertionError("conflicting commits at height " + certificate.height() + ": " + first + " and " + certificate.value()
                        + " (node " + index + ")");
            }
            decisions.put(certificate.height(), certificate);
            roundsUsed.put(certificate.height(), certificate.round());
        }

        @Override
        public void broadcast(Proposal proposal) {
            proposalsMade++;
            if (!conflictingProposals) {
                Simulation.this.broadcast(this, proposal);
                return;
            }
            Proposal other = Messages.signProposal(TestValidators.CHAIN_ID, proposal.height(), proposal.round(), proposal.polRound(),
                    TestValidators.value(proposal.height(), proposal.round(), 100 + index), index, key);
            List<Node> others = nodes.stream().filter(n -> n != this).toList();
            for (int i = 0; i < others.size(); i++) {
                Node to = others.get(i);
                Proposal first = i % 2 == 0 ? proposal : other;
                Proposal second = i % 2 == 0 ? other : proposal;
                at(minDelay, to, () -> to.receive(first));
                at(maxDelay, to, () -> to.receive(second));
            }
        }

        @Override
        public void broadcast(Vote vote) {
            sent.add(vote);
            Simulation.this.broadcast(this, vote);
        }

        @Override
        public void schedule(Timeout timeout) {
            at(timeout.delayMillis(), this, () -> core.onTimeout(timeout));
        }

        @Override
        public void requestValue(long height, int round) {
            at(1, this, () -> core.onValue(height, round, TestValidators.value(height, round, index)));
        }

        @Override
        public void requestValidation(long height, Hash value) {
            at(1, this, () -> core.onValidity(height, value, !invalid.contains(value)));
        }

        @Override
        public void decided(Certificate certificate) {
            try {
                certificate.verify(TestValidators.CHAIN_ID, set, certificate.height(), certificate.value());
            } catch (InvalidMessageException e) {
                throw new AssertionError("node " + index + " made a certificate that does not verify: " + e.getMessage());
            }
            record(certificate);
            long height = certificate.height();
            at(timeouts.commitMillis(), this, () -> {
                if (core.height() == height) {
                    enter(height + 1);
                }
            });
        }

        @Override
        public void evidence(Evidence found) {
            evidence.add(found);
        }

        @Override
        public String toString() {
            return "node " + index + " at " + core.height() + "/" + core.round() + " " + core.step();
        }
    }
}
