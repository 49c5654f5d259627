package io.zgnode.consensus.bft;

import static io.zgnode.consensus.bft.TestNet.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.ExecutedBlock;
import io.zgnode.api.chain.Hash;
import io.zgnode.api.chain.Transaction;
import io.zgnode.api.net.InvalidRequestException;
import io.zgnode.api.net.MessageHandler;
import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.Verdict;
import io.zgnode.consensus.bft.TestNet.Node;
import io.zgnode.consensus.bft.core.Evidence;
import io.zgnode.consensus.bft.core.InvalidMessageException;
import io.zgnode.consensus.bft.core.LockState;
import io.zgnode.consensus.bft.core.Messages;
import io.zgnode.consensus.bft.core.Proposal;
import io.zgnode.consensus.bft.core.TendermintCore;
import io.zgnode.consensus.bft.core.ValidatorKey;
import io.zgnode.consensus.bft.core.ValidatorSet;
import io.zgnode.consensus.bft.core.Vote;
import io.zgnode.consensus.bft.core.VoteType;
import io.zgnode.consensus.bft.core.Wal;
import io.zgnode.consensus.bft.store.EvidenceStore;
import io.zgnode.consensus.bft.store.StoreWal;
import io.zgnode.crypto.Ed25519;
import io.zgnode.crypto.Hex;
import io.zgnode.ethereum.RlpItem;

class EnginePartsTest {

    private static final Address RECIPIENT = Address.of("0x3333333333333333333333333333333333333333");
    private static final PeerId PEER = PeerId.of(new byte[32]);

    @TempDir
    Path dir;

    @Test
    void blocksTravelWholeAndTheirTransactionsComeFromThePoolWhenThere() throws Exception {
        try (TestNet net = new TestNet(dir, 1)) {
            Node node = net.add(0, TestNet.FAST);
            Transaction first = transfer(0, 0, RECIPIENT, BigInteger.ONE);
            Transaction second = transfer(1, 0, RECIPIENT, BigInteger.TWO);
            node.ledger.submit(first.raw());
            node.ledger.submit(second.raw());
            ExecutedBlock executed = node.ledger.propose(Address.ZERO, 5);
            Block block = executed.block();
            node.ledger.discard(executed);
            assertThat(block.transactions()).hasSize(2);

            byte[] encoded = BlockCodec.encode(block);
            assertThat(BlockCodec.header(encoded)).isEqualTo(block.header());
            Block pooled = BlockCodec.decode(encoded, node.ledger);
            Block recovered = BlockCodec.decode(encoded, null);
            assertThat(pooled).isEqualTo(block);
            assertThat(recovered).isEqualTo(block);
            assertThat(pooled.transactions().get(0)).as("the pool's own object").isSameAs(node.ledger.get(first.hash()).orElseThrow());
            assertThat(recovered.transactions().get(1).from()).isEqualTo(second.from());

            byte[] badTransaction = RlpItem.list(RlpItem.decode(encoded).items().get(0), RlpItem.list(RlpItem.of(new byte[] {1, 2, 3}))).encode();
            assertThatThrownBy(() -> BlockCodec.decode(badTransaction, null)).isInstanceOf(InvalidMessageException.class)
                    .hasMessageContaining("transaction 0");
            assertThatThrownBy(() -> BlockCodec.decode(new byte[] {(byte) 0xc0}, null)).isInstanceOf(InvalidMessageException.class);
        }
    }

    @Test
    void theMessageHandlerRelaysOnlyValidNewMessagesForHeightsInUse() throws Exception {
        try (TestNet net = new TestNet(dir, 1, 1, 1, 1)) {
            Node node = net.add(0, TestNet.FAST);
            BftEngine engine = node.start();
            MessageHandler handler = engine.messageHandler();
            ValidatorKey other = ValidatorKey.of(TestNet.pair(2));
            Hash value = Hash.of(new byte[32]);

            Vote vote = Messages.signVote(TestNet.CHAIN_ID, VoteType.PREVOTE, 1, 0, value, 2, other);
            assertThat(handler.handle(PEER, Wire.vote(vote, 1))).isEqualTo(Verdict.ACCEPT);
            assertThat(handler.handle(PEER, Wire.vote(vote, 2))).as("the same vote sent again").isEqualTo(Verdict.IGNORE);
            Vote forged = new Vote(VoteType.PREVOTE, 1, 0, value, 1, vote.signature());
            assertThat(handler.handle(PEER, Wire.vote(forged, 3))).isEqualTo(Verdict.REJECT);
            Vote otherChain = Messages.signVote(TestNet.CHAIN_ID + 1, VoteType.PREVOTE, 1, 1, value, 2, other);
            assertThat(handler.handle(PEER, Wire.vote(otherChain, 4))).isEqualTo(Verdict.REJECT);
            Vote ahead = Messages.signVote(TestNet.CHAIN_ID, VoteType.PREVOTE, 9, 0, value, 2, other);
            assertThat(handler.handle(PEER, Wire.vote(ahead, 5))).as("far ahead: a hint to sync").isEqualTo(Verdict.IGNORE);
            Vote old = Messages.signVote(TestNet.CHAIN_ID, VoteType.PREVOTE, 0, 0, value, 2, other);
            assertThat(handler.handle(PEER, Wire.vote(old, 6))).isEqualTo(Verdict.IGNORE);
            assertThat(handler.handle(PEER, new byte[] {1, 2, 3})).isEqualTo(Verdict.REJECT);
            assertThat(handler.handle(PEER, Wire.status(0, 1, 0, 7))).isEqualTo(Verdict.IGNORE);

            ValidatorSet set = GenesisValidators.of(node.ledger).at(1);
            int wrong = (set.proposer(1, 3) + 1) % 4;
            ExecutedBlock executed = node.ledger.propose(set.validator(wrong).address(), 1);
            byte[] block = BlockCodec.encode(executed.block());
            Proposal notTheProposer = Messages.signProposal(TestNet.CHAIN_ID, 1, 3, -1, executed.block().hash(), wrong,
                    ValidatorKey.of(TestNet.pair(wrong)));
            assertThat(handler.handle(PEER, Wire.proposal(notTheProposer, block, 8))).isEqualTo(Verdict.REJECT);
            int right = set.proposer(1, 3);
            Proposal otherBlock = Messages.signProposal(TestNet.CHAIN_ID, 1, 3, -1, value, right, ValidatorKey.of(TestNet.pair(right)));
            assertThat(handler.handle(PEER, Wire.proposal(otherBlock, block, 9))).as("block and signed hash differ").isEqualTo(Verdict.REJECT);
            Proposal good = Messages.signProposal(TestNet.CHAIN_ID, 1, 3, -1, executed.block().hash(), right, ValidatorKey.of(TestNet.pair(right)));
            assertThat(handler.handle(PEER, Wire.proposal(good, block, 10))).isEqualTo(Verdict.ACCEPT);
            node.ledger.discard(executed);
        }
    }

    @Test
    void theBlockServerAnswersWithCertifiedBlocksOnlyAndRefusesNonsense() throws Exception {
        try (TestNet net = new TestNet(dir, 1)) {
            Node node = net.add(0, TestNet.FAST);
            BftEngine engine = node.start();
            assertThat(TestNet.await(() -> node.head() >= 3, java.time.Duration.ofSeconds(30))).isTrue();

            Wire.SyncResponse response = Wire.decodeSyncResponse(engine.blockServer().handle(PEER, Wire.syncRequest(1, 2)));
            assertThat(response.head()).isGreaterThanOrEqualTo(3);
            assertThat(response.blocks()).hasSize(2);
            assertThat(BlockCodec.header(response.blocks().get(1).block()).number()).isEqualTo(2);
            assertThat(response.blocks().get(1).certificate()).isEqualTo(node.ledger.certificate(2));
            assertThat(Wire.decodeSyncResponse(engine.blockServer().handle(PEER, Wire.syncRequest(1_000, 5))).blocks()).isEmpty();
            assertThatThrownBy(() -> engine.blockServer().handle(PEER, new byte[] {1})).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> engine.blockServer().handle(PEER, Wire.syncRequest(0, 5))).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void theWriteAheadLogKeepsVotesProposalsLocksAndBlocksPerHeightAndPrunes() throws Exception {
        try (TestNet net = new TestNet(dir, 1)) {
            Node node = net.add(0, TestNet.FAST);
            ValidatorKey key = ValidatorKey.of(TestNet.pair(0));
            Hash value = Hash.of(new byte[32]);
            byte[] block = {1, 2, 3};
            StoreWal wal = new StoreWal(node.store, hash -> hash.equals(value) ? block : null);
            Vote prevote = Messages.signVote(TestNet.CHAIN_ID, VoteType.PREVOTE, 7, 1, value, 0, key);
            wal.record(prevote, new LockState(7, 1, -1, null, -1, null));
            Vote precommit = Messages.signVote(TestNet.CHAIN_ID, VoteType.PRECOMMIT, 7, 1, value, 0, key);
            wal.record(precommit, new LockState(7, 1, 1, value, 1, value));
            Proposal proposal = Messages.signProposal(TestNet.CHAIN_ID, 8, 0, -1, value, 0, key);
            wal.record(proposal, LockState.initial(8));

            StoreWal reopened = new StoreWal(node.store, hash -> null);
            Wal.Recorded seven = reopened.load(7);
            assertThat(seven.votes()).containsExactly(prevote, precommit);
            assertThat(seven.state()).isEqualTo(new LockState(7, 1, 1, value, 1, value));
            assertThat(reopened.blocks(7)).containsOnlyKeys(value);
            assertThat(reopened.blocks(7).get(value)).isEqualTo(block);
            assertThat(reopened.load(8).proposals()).containsExactly(proposal);
            assertThat(reopened.load(9)).isEqualTo(Wal.Recorded.EMPTY);

            reopened.prune(8);
            assertThat(reopened.load(7)).isEqualTo(Wal.Recorded.EMPTY);
            assertThat(reopened.blocks(7)).isEmpty();
            assertThat(reopened.load(8).proposals()).containsExactly(proposal);
        }
    }

    @Test
    void evidenceIsKeptOncePerStepAndCounted() throws Exception {
        try (TestNet net = new TestNet(dir, 1)) {
            Node node = net.add(0, TestNet.FAST);
            ValidatorKey key = ValidatorKey.of(TestNet.pair(0));
            EvidenceStore store = new EvidenceStore(node.store);
            Evidence first = Evidence.of(Messages.signVote(TestNet.CHAIN_ID, VoteType.PREVOTE, 5, 0, null, 0, key),
                    Messages.signVote(TestNet.CHAIN_ID, VoteType.PREVOTE, 5, 0, Hash.of(new byte[32]), 0, key));
            Evidence later = Evidence.of(Messages.signVote(TestNet.CHAIN_ID, VoteType.PRECOMMIT, 9, 2, null, 0, key),
                    Messages.signVote(TestNet.CHAIN_ID, VoteType.PRECOMMIT, 9, 2, Hash.of(new byte[32]), 0, key));
            assertThat(store.record(first)).isTrue();
            assertThat(store.record(first)).isFalse();
            assertThat(store.record(later)).isTrue();
            assertThat(store.count()).isEqualTo(2);
            assertThat(store.from(0, 10)).containsExactly(first, later);
            assertThat(store.from(6, 10)).containsExactly(later);
            assertThat(store.from(0, 1)).containsExactly(first);
        }
    }

    @Test
    void validatorKeyFilesAreCheckedBeforeUse() throws Exception {
        Ed25519.KeyPair pair = TestNet.pair(1);
        Path file = dir.resolve("validator.json");
        ValidatorKeyFile.write(file, pair);
        assertThat(ValidatorKeyFile.read(file).publicKey()).isEqualTo(pair.publicKey().bytes());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ValidatorKeyFile.read(file)).hasMessageContaining("chmod 600");

        Path mismatched = dir.resolve("mismatched.json");
        Files.writeString(mismatched, "{\"type\":\"ed25519\",\"publicKey\":\"" + Hex.encode(TestNet.pair(2).publicKey().bytes())
                + "\",\"privateKey\":\"" + Hex.encode(pair.seed()) + "\"}");
        Files.setPosixFilePermissions(mismatched, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> ValidatorKeyFile.read(mismatched)).hasMessageContaining("does not belong");

        Path secp = dir.resolve("secp.json");
        Files.writeString(secp, "{\"type\":\"secp256k1\",\"privateKey\":\"0x01\"}");
        Files.setPosixFilePermissions(secp, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> ValidatorKeyFile.read(secp)).hasMessageContaining("ed25519");
        assertThatThrownBy(() -> ValidatorKeyFile.read(dir.resolve("missing.json"))).hasMessageContaining("does not exist");
    }

    @Test
    void genesisValidatorsNeedKeysAndTakePowerInAnyNumberForm() {
        String key = Hex.encode(TestNet.pair(0).publicKey().bytes());
        String key2 = Hex.encode(TestNet.pair(1).publicKey().bytes());
        assertThat(GenesisValidators.parse(List.of(
                Map.of("address", "0x1111111111111111111111111111111111111111", "power", BigInteger.TEN, "publicKey", key),
                Map.of("address", "0x2111111111111111111111111111111111111111", "power", "0x20", "publicKey", key2))))
                .extracting(v -> v.power()).containsExactly(10L, 32L);
        assertThatThrownBy(() -> GenesisValidators.parse(List.of(Map.of("address", "0x1111111111111111111111111111111111111111"))))
                .hasMessageContaining("no publicKey");
        assertThatThrownBy(() -> GenesisValidators.parse(List.of())).hasMessageContaining("no validators");
        assertThatThrownBy(() -> GenesisValidators.parse(null)).hasMessageContaining("no validators");
    }

    @Test
    void settingsAreChecked() {
        assertThat(Settings.misbehavior("")).isEqualTo(TendermintCore.Misbehavior.NONE);
        assertThat(Settings.misbehavior("Equivocate")).isEqualTo(TendermintCore.Misbehavior.EQUIVOCATE);
        assertThatThrownBy(() -> Settings.misbehavior("lie")).hasMessageContaining("'none' or 'equivocate'");
        assertThatThrownBy(() -> new Settings(TestNet.FAST.timeouts(), 0, 10, 100, TendermintCore.Misbehavior.NONE))
                .hasMessageContaining("startHeight");
    }
}
