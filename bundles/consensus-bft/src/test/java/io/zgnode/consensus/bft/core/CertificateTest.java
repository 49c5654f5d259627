package io.zgnode.consensus.bft.core;

import static io.zgnode.consensus.bft.core.TestValidators.CHAIN_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Hash;

class CertificateTest {

    private final ValidatorSet set = TestValidators.set(1, 1, 1, 1);
    private final Hash block = TestValidators.value("block");

    private List<Vote> precommits(int... validators) {
        List<Vote> votes = new ArrayList<>();
        for (int v : validators) {
            votes.add(Messages.signVote(CHAIN_ID, VoteType.PRECOMMIT, 9, 2, block, v, TestValidators.key(v)));
        }
        return votes;
    }

    @Test
    void aCertificateOfMoreThanTwoThirdsVerifiesAndRoundTrips() throws Exception {
        Certificate certificate = Certificate.of(9, 2, block, precommits(3, 0, 2));
        assertThat(certificate.signatures()).extracting(Certificate.CommitSignature::validator).containsExactly(0, 2, 3);
        assertThat(certificate.verify(CHAIN_ID, set, 9, block)).isEqualTo(3);
        Certificate decoded = Certificate.decode(certificate.encode());
        assertThat(decoded).isEqualTo(certificate);
        assertThat(decoded.encode()).isEqualTo(certificate.encode());
        assertThat(decoded.votes()).hasSize(3);
    }

    @Test
    void tooLittlePowerForgedOrReplayedSignaturesAndOtherBlocksFail() {
        assertThatThrownBy(() -> Certificate.of(9, 2, block, precommits(0, 1)).verify(CHAIN_ID, set))
                .hasMessageContaining("not more than two thirds");
        Certificate good = Certificate.of(9, 2, block, precommits(0, 1, 2));
        assertThatThrownBy(() -> good.verify(CHAIN_ID + 1, set)).as("another chain").hasMessageContaining("does not verify");
        assertThatThrownBy(() -> good.verify(CHAIN_ID, set, 10, block)).hasMessageContaining("not 10");
        assertThatThrownBy(() -> good.verify(CHAIN_ID, set, 9, TestValidators.value("other"))).hasMessageContaining("not 9");

        List<Certificate.CommitSignature> swapped = new ArrayList<>(good.signatures());
        swapped.set(0, new Certificate.CommitSignature(0, good.signatures().get(1).signature()));
        assertThatThrownBy(() -> new Certificate(9, 2, block, swapped).verify(CHAIN_ID, set)).hasMessageContaining("#0");

        List<Certificate.CommitSignature> twice = new ArrayList<>(good.signatures());
        twice.add(good.signatures().get(2));
        assertThatThrownBy(() -> new Certificate(9, 2, block, twice).verify(CHAIN_ID, set)).hasMessageContaining("ascend");

        Vote prevote = Messages.signVote(CHAIN_ID, VoteType.PREVOTE, 9, 2, block, 3, TestValidators.key(3));
        List<Certificate.CommitSignature> withPrevote = new ArrayList<>(Certificate.of(9, 2, block, precommits(0, 1)).signatures());
        withPrevote.add(new Certificate.CommitSignature(3, prevote.signature()));
        assertThatThrownBy(() -> new Certificate(9, 2, block, withPrevote).verify(CHAIN_ID, set)).as("a prevote is not a precommit")
                .hasMessageContaining("#3");

        List<Certificate.CommitSignature> outside = new ArrayList<>(good.signatures());
        outside.add(new Certificate.CommitSignature(7, good.signatures().get(0).signature()));
        assertThatThrownBy(() -> new Certificate(9, 2, block, outside).verify(CHAIN_ID, set)).hasMessageContaining("#7");
    }

    @Test
    void malformedEncodingsAreRefused() throws Exception {
        assertThatThrownBy(() -> Certificate.decode(new byte[] {1, 2, 3})).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> Messages.decodeVote(new byte[0])).isInstanceOf(InvalidMessageException.class);
        Vote vote = precommits(1).get(0);
        byte[] encoded = Messages.encode(vote);
        assertThat(Messages.decodeVote(encodedCopy(encoded))).isEqualTo(vote);
        encoded[encoded.length - 1] ^= 1;
        assertThat(Messages.decodeVote(encoded)).isNotEqualTo(vote);
    }

    private static byte[] encodedCopy(byte[] bytes) {
        return bytes.clone();
    }

    @Test
    void nilVotesAndPolkaRoundsEncode() throws Exception {
        Vote nil = Messages.signVote(CHAIN_ID, VoteType.PREVOTE, 3, 0, null, 2, TestValidators.key(2));
        assertThat(Messages.decodeVote(Messages.encode(nil))).isEqualTo(nil);
        Proposal proposal = Messages.signProposal(CHAIN_ID, 3, 4, -1, block, 1, TestValidators.key(1));
        assertThat(Messages.decodeProposal(Messages.encode(proposal))).isEqualTo(proposal);
        Proposal withPolka = Messages.signProposal(CHAIN_ID, 3, 4, 2, block, 1, TestValidators.key(1));
        assertThat(Messages.decodeProposal(Messages.encode(withPolka)).polRound()).isEqualTo(2);
        assertThat(Messages.proposalSignBytes(CHAIN_ID, proposal)).isNotEqualTo(Messages.proposalSignBytes(CHAIN_ID, withPolka));
    }
}
