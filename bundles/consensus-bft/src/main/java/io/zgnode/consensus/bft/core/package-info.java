/**
 * The consensus algorithm, independent of OSGi, threads and clocks: Tendermint (Buchman, Kwon,
 * Milosevic, "The latest gossip on BFT consensus", 2018) with stake-weighted votes, commit
 * certificates, equivocation evidence and a write-ahead log. Private.
 *
 * <h2>Why no two honest nodes commit different blocks at a height</h2>
 * Let the total voting power be N and the power of faulty (Byzantine) validators F, with
 * 3F &lt; N. A quorum ("2f+1") is more than 2N/3 of the power. Two quorums overlap in more than
 * N/3 &gt; F, so they share an honest validator; and the honest part of a quorum holds more than
 * 2N/3 - F &gt; N/3.
 * <ol>
 * <li><b>One round.</b> An honest validator signs at most one prevote and one precommit per
 * (height, round). Two quorums of prevotes (or of precommits) for different blocks in one round
 * would need an honest validator in both, which signed two. So a round has at most one polka (a
 * quorum of prevotes for a block) and at most one block with a quorum of precommits.</li>
 * <li><b>Later rounds: locking.</b> Let block B be committed in round r: a quorum Q precommitted
 * B in r. Each honest member of Q set lockedValue = B, lockedRound = r when it precommitted
 * (line 36). Claim: in no round r' &gt; r is there a polka for a block B' != B. By induction on r':
 * assume none in [r, r') (true for r' = r + 1 by point 1, the polka of round r being B's). An
 * honest member of Q changes its lock only at line 36 on a polka for another block in a later
 * round, which does not exist in [r, r'), so at r' it is still locked on B with lockedRound &ge; r.
 * It prevotes B' only by line 22 (needs lockedValue = B': no) or line 28 for a proposal of B'
 * with polka round vr, lockedRound &le; vr &lt; r', and a polka for B' in vr: excluded by the
 * hypothesis. So more than N/3 of the power does not prevote B' in r', leaving B' less than 2N/3:
 * no polka. An honest validator precommits a block only on a polka for it in the same round
 * (line 36), so after r no honest validator precommits B', and no quorum of precommits for B' can
 * form in any round after r.</li>
 * <li><b>Earlier rounds.</b> If B' != B were committed in a round r'' &lt; r, point 2 applied to
 * r'' rules out a polka for B in round r; but the honest precommits for B in r needed one.</li>
 * <li><b>Certificates and block sync.</b> A node committing through block sync checks a
 * certificate: precommit signatures of a quorum for exactly that height and block hash, so by 1
 * to 3 it is the block every honest node commits at that height. Signed bytes carry the chain id,
 * the message type, height, round and block hash: a signature cannot be replayed on another chain,
 * step, height, round or block.</li>
 * </ol>
 *
 * <h2>Why it survives restarts</h2>
 * The argument above assumes an honest validator never signs two different votes for one
 * (height, round, type) and never gives up its lock within a height except for a newer polka.
 * Before a signed vote or proposal leaves the node, {@link io.zgnode.consensus.bft.core.Wal} records
 * it durably together with the lock (lockedRound, lockedValue) and valid value (validRound,
 * validValue) it was signed in. After a crash or a bundle update, the core reloads them at the
 * height it resumes: it counts and re-sends the votes it signed, refuses to sign a different one
 * for the same step (it sends the recorded one instead), and starts from its recorded round with
 * its lock, so the locking rules of point 2 hold across the restart. A restarted node therefore
 * behaves as one that was only slow, which the algorithm tolerates. Committed blocks are in the
 * store atomically with their certificate, so the head never moves back.
 *
 * <h2>Liveness</h2>
 * Timeouts grow with the round (base + round * delta), so after the network stabilizes (partial
 * synchrony) a round eventually lasts long enough for an honest proposer's proposal and all honest
 * votes to arrive; more than a third of the power in a later round pulls a node into it (line 55);
 * nodes re-send their own messages periodically and fetch committed blocks from peers that are
 * ahead. With F &ge; N/3 of the power crashed, no quorum forms and the chain halts, but no
 * conflicting block is committed; it resumes when enough validators return.
 */
package io.zgnode.consensus.bft.core;
