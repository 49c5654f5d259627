package io.zgnode.da.contracts;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.Keccak256;

/**
 * The rows of one quorum of an epoch and who holds each: the signer of row {@code i} receives and
 * keeps row {@code i} of every blob dispersed to the quorum and signs for it.
 *
 * <h2>The draw</h2>
 * Deterministic, from chain data only, so every node and every client draws the same quorum:
 * <ol>
 * <li>The epoch's active signers (those with {@code fromEpoch <= epoch}), ordered by address;
 * {@code seed = keccak256("zgnode/da/quorum" || uint256 epoch || (address || uint256 stake) of each)}.</li>
 * <li>Rows by stake: each signer gets {@code floor(totalRows * stake / totalStake)} rows; the rows left
 * (fewer than the signers) go one each to the largest remainders of that division, a tie going to
 * the lower {@code keccak256(seed || address)}. So a signer holds its exact share within one row.</li>
 * <li>Places: the list of row owners (the first signer's rows, then the second's, ...) is shuffled by
 * Fisher-Yates, for {@code i} from {@code totalRows - 1} down to 1 swapping {@code i} with
 * {@code j = keccak256(seed || uint256 counter) mod (i + 1)}, the counter counting from 0. A signer's
 * rows are thus spread over the blob rather than a run that one outage would take out.</li>
 * </ol>
 * There is one quorum per epoch (id 0). A signer whose stake is below {@code totalStake / totalRows}
 * may get no row; with more signers than rows, some always get none, and every signer would only be
 * served by more quorums per epoch, each with its own draw (not done yet).
 */
public final class Quorum {

    private static final byte[] SEED_DOMAIN = "zgnode/da/quorum".getBytes(StandardCharsets.UTF_8);

    private final long epoch;
    private final int quorumId;
    private final Address[] rowSigners;
    private final Map<Address, int[]> rows;

    private Quorum(long epoch, int quorumId, Address[] rowSigners) {
        this.epoch = epoch;
        this.quorumId = quorumId;
        this.rowSigners = rowSigners;
        Map<Address, List<Integer>> byAddress = new TreeMap<>();
        for (int row = 0; row < rowSigners.length; row++) {
            byAddress.computeIfAbsent(rowSigners[row], address -> new ArrayList<>()).add(row);
        }
        Map<Address, int[]> rows = new TreeMap<>();
        byAddress.forEach((address, list) -> rows.put(address, list.stream().mapToInt(Integer::intValue).toArray()));
        this.rows = Collections.unmodifiableMap(rows);
    }

    /**
     * Draws quorum 0 of {@code epoch} among {@code active} (the epoch's active signers, in any order).
     *
     * @throws IllegalArgumentException if there is no signer or {@code totalRows < 1}
     */
    static Quorum draw(long epoch, List<Signer> active, int totalRows) {
        if (active.isEmpty()) {
            throw new IllegalArgumentException("no signer is active in epoch " + epoch);
        }
        if (totalRows < 1) {
            throw new IllegalArgumentException("a quorum needs rows, got " + totalRows);
        }
        List<Signer> signers = new ArrayList<>(active);
        signers.sort(Comparator.comparing(Signer::address));
        byte[] seed = seed(epoch, signers);
        int[] counts = rowCounts(seed, signers, totalRows);
        Address[] owners = new Address[totalRows];
        int at = 0;
        for (int i = 0; i < signers.size(); i++) {
            Arrays.fill(owners, at, at + counts[i], signers.get(i).address());
            at += counts[i];
        }
        shuffle(seed, owners);
        return new Quorum(epoch, 0, owners);
    }

    private static byte[] seed(long epoch, List<Signer> signers) {
        Keccak256.Hasher hasher = new Keccak256.Hasher().update(SEED_DOMAIN).update(Words.uint256(epoch));
        for (Signer signer : signers) {
            hasher.update(signer.address().toArray()).update(Words.uint256(signer.stake()));
        }
        return hasher.digest();
    }

    /** Each signer's rows: its floor share, plus one for the largest remainders until all rows are given. */
    private static int[] rowCounts(byte[] seed, List<Signer> signers, int totalRows) {
        BigInteger totalStake = BigInteger.ZERO;
        for (Signer signer : signers) {
            totalStake = totalStake.add(signer.stake());
        }
        int[] counts = new int[signers.size()];
        BigInteger[] remainders = new BigInteger[signers.size()];
        int given = 0;
        for (int i = 0; i < counts.length; i++) {
            BigInteger[] share = BigInteger.valueOf(totalRows).multiply(signers.get(i).stake()).divideAndRemainder(totalStake);
            counts[i] = share[0].intValueExact();
            remainders[i] = share[1];
            given += counts[i];
        }
        List<Integer> order = new ArrayList<>(counts.length);
        byte[][] tieBreaks = new byte[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            order.add(i);
            tieBreaks[i] = Keccak256.hash(seed, signers.get(i).address().toArray());
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing((a, b) -> Arrays.compareUnsigned(tieBreaks[a], tieBreaks[b])));
        for (int k = 0; given < totalRows; k++, given++) {
            counts[order.get(k)]++;
        }
        return counts;
    }

    private static void shuffle(byte[] seed, Address[] owners) {
        long counter = 0;
        for (int i = owners.length - 1; i > 0; i--) {
            BigInteger word = new BigInteger(1, Keccak256.hash(seed, Words.uint256(counter++)));
            int j = word.mod(BigInteger.valueOf(i + 1L)).intValue();
            Address swapped = owners[i];
            owners[i] = owners[j];
            owners[j] = swapped;
        }
    }

    public long epoch() {
        return epoch;
    }

    public int quorumId() {
        return quorumId;
    }

    public int totalRows() {
        return rowSigners.length;
    }

    /**
     * The signer of row {@code row}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= row < totalRows()}
     */
    public Address rowSigner(int row) {
        if (row < 0 || row >= rowSigners.length) {
            throw new IllegalArgumentException("row " + row + " is not in the quorum's " + rowSigners.length + " rows");
        }
        return rowSigners[row];
    }

    /** Every row's signer, row 0 first. */
    public List<Address> rowSigners() {
        return List.of(rowSigners);
    }

    /** The signers that hold at least one row, by address. */
    public List<Address> members() {
        return List.copyOf(rows.keySet());
    }

    /** The rows {@code signer} holds, ascending; empty if it is not a member. */
    public int[] rowsOf(Address signer) {
        int[] held = rows.get(signer);
        return held == null ? new int[0] : held.clone();
    }

    public int rowCount(Address signer) {
        int[] held = rows.get(signer);
        return held == null ? 0 : held.length;
    }

    @Override
    public String toString() {
        return "quorum " + quorumId + " of epoch " + epoch + ": " + rows.size() + " signers, " + rowSigners.length + " rows";
    }
}
