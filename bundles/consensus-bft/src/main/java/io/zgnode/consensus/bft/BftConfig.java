package io.zgnode.consensus.bft;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the BFT engine (PID {@code io.zgnode.consensus.bft}). */
@ObjectClassDefinition(name = "zgnode BFT consensus", description = "Tendermint-style BFT consensus among the genesis validators")
public @interface BftConfig {

    String PID = "io.zgnode.consensus.bft";

    @AttributeDefinition(description = "this validator's key file, JSON {\"type\":\"ed25519\",\"publicKey\",\"privateKey\"}, mode 0600;"
            + " empty: this node follows (verifies and commits what the validators decide, signs nothing)")
    String validatorKeyFile() default "";

    @AttributeDefinition(description = "how long a round waits for its proposal, milliseconds (round 0)")
    long proposeMillis() default 3000;

    @AttributeDefinition(description = "how long a round waits for the prevotes after seeing more than 2/3 of them, milliseconds (round 0)")
    long prevoteMillis() default 1000;

    @AttributeDefinition(description = "how long a round waits for the precommits after seeing more than 2/3 of them, milliseconds (round 0)")
    long precommitMillis() default 1000;

    @AttributeDefinition(description = "added to each timeout per round, milliseconds, so that rounds grow until messages arrive in time")
    long deltaMillis() default 500;

    @AttributeDefinition(description = "the pause after a commit before the next height starts, milliseconds")
    long commitMillis() default 1000;

    @AttributeDefinition(description = "the first height this engine decides; it waits while the head is below startHeight - 1"
            + " (a chain hands over from the solo engine at this height)")
    long startHeight() default 1;

    @AttributeDefinition(description = "a proposed block whose timestamp is more than this many seconds ahead of the local clock is refused")
    long maxBlockFutureSeconds() default 10;

    @AttributeDefinition(description = "how often this node re-sends its own votes and proposal and announces its height, milliseconds")
    long rebroadcastMillis() default 1000;

    @AttributeDefinition(description = "FOR FAULT TESTS ONLY, never on a real network: 'equivocate' makes this validator sign and send"
            + " two conflicting prevotes and precommits every round (it will be caught and, later, slashed); default 'none'")
    String misbehavior() default "none";
}
