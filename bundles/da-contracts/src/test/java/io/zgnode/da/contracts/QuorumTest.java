package io.zgnode.da.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.Keccak256;

class QuorumTest {

    private static final BigInteger TEN_ETHER = BigInteger.TEN.pow(19);

    @Test
    void fourEqualSignersHold768RowsEachOf3072() {
        List<Signer> signers = equalSigners(4);
        Quorum quorum = Quorum.draw(3, signers, 3072);

        assertThat(quorum.epoch()).isEqualTo(3);
        assertThat(quorum.quorumId()).isZero();
        assertThat(quorum.totalRows()).isEqualTo(3072);
        assertThat(quorum.members()).containsExactlyElementsOf(signers.stream().map(Signer::address).sorted().toList());
        for (Signer signer : signers) {
            assertThat(quorum.rowCount(signer.address())).isEqualTo(768);
            int[] rows = quorum.rowsOf(signer.address());
            assertThat(rows).hasSize(768).isSorted();
            for (int row : rows) {
                assertThat(quorum.rowSigner(row)).isEqualTo(signer.address());
            }
            assertThat(rows[rows.length - 1] - rows[0] + 1).as("the rows are spread, not one run").isGreaterThan(2 * 768);
        }
        assertThat(quorum.rowSigners()).hasSize(3072).doesNotContainNull();
        assertThat(quorum.rowsOf(Address.ZERO)).isEmpty();
        assertThat(quorum.rowCount(Address.ZERO)).isZero();
        assertThatThrownBy(() -> quorum.rowSigner(3072)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> quorum.rowSigner(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameInputsDrawTheSameQuorumInWhateverOrderTheSignersCome() {
        List<Signer> signers = randomSigners(new Random(1), 7);
        List<Signer> reordered = new ArrayList<>(signers);
        Collections.reverse(reordered);
        assertThat(Quorum.draw(5, reordered, 3072).rowSigners()).isEqualTo(Quorum.draw(5, signers, 3072).rowSigners());
    }

    @Test
    void theDrawChangesWithTheEpochAndTheStakesButNotTheShares() {
        List<Signer> signers = equalSigners(4);
        Quorum first = Quorum.draw(1, signers, 3072);
        Quorum second = Quorum.draw(2, signers, 3072);
        assertThat(second.rowSigners()).isNotEqualTo(first.rowSigners());
        assertThat(second.rowCount(signers.get(0).address())).isEqualTo(768);

        List<Signer> doubled = signers.stream().map(s -> new Signer(s.address(), s.stake().shiftLeft(1), s.socket(), s.fromEpoch())).toList();
        assertThat(Quorum.draw(1, doubled, 3072).rowSigners()).as("the stakes are in the seed").isNotEqualTo(first.rowSigners());
    }

    @Test
    void everySignerHoldsItsShareOfTheRowsWithinOneRowAndEveryRowIsHeld() {
        Random random = new Random(42);
        for (int round = 0; round < 40; round++) {
            List<Signer> signers = randomSigners(random, 1 + random.nextInt(25));
            int totalRows = 1 + random.nextInt(4000);
            Quorum quorum = Quorum.draw(round, signers, totalRows);

            BigInteger totalStake = signers.stream().map(Signer::stake).reduce(BigInteger.ZERO, BigInteger::add);
            int held = 0;
            for (Signer signer : signers) {
                int floor = BigInteger.valueOf(totalRows).multiply(signer.stake()).divide(totalStake).intValueExact();
                assertThat(quorum.rowCount(signer.address())).as("round %d: %s", round, signer).isBetween(floor, floor + 1);
                held += quorum.rowCount(signer.address());
            }
            assertThat(held).isEqualTo(totalRows);
            assertThat(quorum.rowSigners()).hasSize(totalRows).doesNotContainNull();
        }
    }

    @Test
    void theRowsLeftGoToTheLargestRemainders() {
        // 10 rows at stakes 25:28:47 are 2.5, 2.8 and 4.7 rows: floors 2, 2, 4; the 2 rows left go to .8 and .7
        List<Signer> signers = List.of(signer(1, 25), signer(2, 28), signer(3, 47));
        Quorum quorum = Quorum.draw(0, signers, 10);
        assertThat(signers).extracting(s -> quorum.rowCount(s.address())).containsExactly(2, 3, 5);

        // equal remainders: the tie is broken by the seed, one signer gets the row
        List<Signer> equal = List.of(signer(1, 1), signer(2, 1), signer(3, 1));
        Quorum tied = Quorum.draw(0, equal, 10);
        assertThat(equal).extracting(s -> tied.rowCount(s.address())).containsExactlyInAnyOrder(4, 3, 3);
    }

    @Test
    void aSignerWhoseShareIsUnderARowMayHoldNone() {
        List<Signer> signers = List.of(signer(1, 1_000_000), signer(2, 1));
        Quorum quorum = Quorum.draw(0, signers, 16);
        assertThat(quorum.members()).containsExactly(signers.get(0).address());
        assertThat(quorum.rowsOf(signers.get(1).address())).isEmpty();
    }

    @Test
    void thereIsNoQuorumWithoutSigners() {
        assertThatThrownBy(() -> Quorum.draw(0, List.of(), 3072)).hasMessageContaining("no signer is active in epoch 0");
    }

    /**
     * The draw decides which signer holds which row on every node: a change to it splits the
     * network. This pins it, so that changing it is a decision and not an accident. The value was
     * computed independently, from the documented steps, with ethers 6 (keccak256, big integers).
     */
    @Test
    void theDrawIsPinned() {
        Quorum quorum = Quorum.draw(9, List.of(signer(1, 10), signer(2, 20), signer(3, 30), signer(4, 40)), 3072);
        byte[] rows = new byte[3072 * Address.LENGTH];
        for (int row = 0; row < 3072; row++) {
            System.arraycopy(quorum.rowSigner(row).toArray(), 0, rows, row * Address.LENGTH, Address.LENGTH);
        }
        assertThat(HexFormat.of().formatHex(Keccak256.hash(rows))).isEqualTo("8c26220e02639ad575bff2af21eed35ec072d907b470dcb675892552ec2289ef");
        // 3072 rows at 10:20:30:40 are 307.2, 614.4, 921.6, 1228.8: the 2 rows left go to .8 and .6
        assertThat(quorum.members()).extracting(quorum::rowCount).containsExactly(307, 614, 922, 1229);
    }

    private static List<Signer> equalSigners(int count) {
        List<Signer> signers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            signers.add(new Signer(address(i + 1), TEN_ETHER, "http://signer" + i, 0));
        }
        return signers;
    }

    private static List<Signer> randomSigners(Random random, int count) {
        List<Signer> signers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] address = new byte[Address.LENGTH];
            random.nextBytes(address);
            signers.add(new Signer(Address.of(address), new BigInteger(80, random).add(BigInteger.ONE), "http://s", 0));
        }
        return signers;
    }

    private static Signer signer(int id, long stake) {
        return new Signer(address(id), BigInteger.valueOf(stake), "http://signer" + id, 0);
    }

    private static Address address(int id) {
        byte[] bytes = new byte[Address.LENGTH];
        bytes[0] = (byte) id;
        bytes[Address.LENGTH - 1] = (byte) (id * 7);
        return Address.of(bytes);
    }
}
