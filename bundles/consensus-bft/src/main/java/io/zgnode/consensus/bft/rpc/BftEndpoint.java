package io.zgnode.consensus.bft.rpc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.BlockExecutor;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.consensus.Validator;
import io.zgnode.api.rpc.RpcEndpoint;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.api.rpc.RpcMethod;
import io.zgnode.api.store.KeyValueStore;
import io.zgnode.consensus.bft.GenesisValidators;
import io.zgnode.consensus.bft.ValidatorSetSource;
import io.zgnode.consensus.bft.core.Certificate;
import io.zgnode.consensus.bft.core.Evidence;
import io.zgnode.consensus.bft.core.InvalidMessageException;
import io.zgnode.consensus.bft.core.Messages;
import io.zgnode.consensus.bft.core.Proposal;
import io.zgnode.consensus.bft.core.ValidatorSet;
import io.zgnode.consensus.bft.core.Vote;
import io.zgnode.consensus.bft.store.EvidenceStore;
import io.zgnode.crypto.Hex;

/**
 * {@code zg_getCommitCertificate(number)}: the proof that a block is final, checkable by anyone
 * who knows the validator set; {@code zg_getEvidence(fromHeight?)}: recorded equivocations.
 * Both read the store, so they answer whether or not the engine runs.
 */
@Component(service = RpcEndpoint.class)
public class BftEndpoint implements RpcEndpoint {

    /** Pieces of evidence one call returns at most. */
    public static final int MAX_EVIDENCE = 1000;

    private final Chain chain;
    private final BlockExecutor executor;
    private final EvidenceStore evidence;
    private volatile ValidatorSetSource sets;

    @Activate
    public BftEndpoint(@Reference Chain chain, @Reference BlockExecutor executor, @Reference KeyValueStore store) {
        this.chain = chain;
        this.executor = executor;
        this.evidence = new EvidenceStore(store);
    }

    /**
     * The commit certificate of block {@code number} ({@code latest}, a number, or hex):
     * {@code {height, round, blockHash, signatures: [{validator, index, publicKey, signature}],
     * votingPower, totalPower, valid, encoded}}; null for a block that does not exist.
     */
    @RpcMethod("zg_getCommitCertificate")
    public Map<String, Object> commitCertificate(Object number) {
        long height = number(number, "number", true);
        Block block = chain.block(height).orElse(null);
        if (block == null) {
            return null;
        }
        byte[] encoded = executor.certificate(height);
        if (encoded.length == 0) {
            throw new RpcException(RpcException.SERVER_ERROR, "block " + height
                    + " has no commit certificate: it was not decided by BFT consensus (genesis, or a block of the solo engine)");
        }
        Certificate certificate;
        try {
            certificate = Certificate.decode(encoded);
        } catch (InvalidMessageException e) {
            throw new RpcException(RpcException.INTERNAL_ERROR, "the stored certificate of block " + height + " does not decode: " + e.getMessage());
        }
        ValidatorSet set = sets().at(height);
        List<Map<String, Object>> signatures = new ArrayList<>();
        long power = 0;
        for (Certificate.CommitSignature signature : certificate.signatures()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (set.contains(signature.validator())) {
                Validator validator = set.validator(signature.validator());
                entry.put("validator", validator.address().toString());
                entry.put("publicKey", Hex.encode(validator.publicKey()));
                power += validator.power();
            }
            entry.put("index", signature.validator());
            entry.put("signature", Hex.encode(signature.signature()));
            signatures.add(entry);
        }
        boolean valid;
        try {
            certificate.verify(chain.chainId(), set, height, block.hash());
            valid = true;
        } catch (InvalidMessageException e) {
            valid = false;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("height", certificate.height());
        result.put("round", certificate.round());
        result.put("blockHash", certificate.value().toString());
        result.put("signatures", signatures);
        result.put("votingPower", power);
        result.put("totalPower", set.totalPower());
        result.put("valid", valid);
        result.put("encoded", Hex.encode(encoded));
        return result;
    }

    /**
     * Equivocations recorded from {@code fromHeight} (default 0) on, oldest first, at most
     * {@value #MAX_EVIDENCE}: {@code [{height, round, type, validator, publicKey, first, second,
     * encoded}]}, each statement as {@code {blockHash, signature}}.
     */
    @RpcMethod("zg_getEvidence")
    public List<Map<String, Object>> evidence(Object fromHeight) {
        long from = fromHeight == null ? 0 : number(fromHeight, "fromHeight", false);
        List<Map<String, Object>> found = new ArrayList<>();
        for (Evidence piece : evidence.from(from, MAX_EVIDENCE)) {
            ValidatorSet set = sets().at(piece.height());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("height", piece.height());
            entry.put("round", piece.round());
            entry.put("type", piece.kind().label());
            if (set.contains(piece.validator())) {
                entry.put("validator", set.validator(piece.validator()).address().toString());
                entry.put("publicKey", Hex.encode(set.validator(piece.validator()).publicKey()));
            }
            entry.put("index", piece.validator());
            entry.put("first", statement(piece, piece.first()));
            entry.put("second", statement(piece, piece.second()));
            entry.put("encoded", Hex.encode(piece.encode()));
            found.add(entry);
        }
        return found;
    }

    private static Map<String, Object> statement(Evidence piece, byte[] encoded) {
        Map<String, Object> statement = new LinkedHashMap<>();
        try {
            if (piece.kind() == Evidence.Kind.PROPOSAL) {
                Proposal proposal = Messages.decodeProposal(encoded);
                statement.put("blockHash", proposal.value().toString());
                statement.put("polRound", proposal.polRound());
                statement.put("signature", Hex.encode(proposal.signature()));
            } else {
                Vote vote = Messages.decodeVote(encoded);
                statement.put("blockHash", vote.value() == null ? null : vote.value().toString());
                statement.put("signature", Hex.encode(vote.signature()));
            }
        } catch (InvalidMessageException e) {
            statement.put("error", e.getMessage());
        }
        return statement;
    }

    private ValidatorSetSource sets() {
        ValidatorSetSource known = sets;
        if (known != null) {
            return known;
        }
        try {
            return sets = GenesisValidators.of(chain);
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcException.SERVER_ERROR, e.getMessage());
        }
    }

    private long number(Object value, String name, boolean tags) {
        if (tags && value instanceof String tag && (tag.equals("latest") || tag.equals("finalized") || tag.equals("safe"))) {
            return chain.head().number();
        }
        try {
            BigInteger number;
            if (value instanceof Number n) {
                number = new BigInteger(n.toString());
            } else if (value instanceof String text && (text.startsWith("0x") || text.startsWith("0X"))) {
                number = new BigInteger(text.substring(2), 16);
            } else if (value instanceof String text) {
                number = new BigInteger(text);
            } else {
                throw new NumberFormatException();
            }
            if (number.signum() < 0) {
                throw new NumberFormatException();
            }
            return number.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw RpcException.invalidParams(name + " must be a block number (a JSON number, decimal or 0x-hex string" + (tags ? ", or \"latest\"" : "")
                    + "), got " + value);
        }
    }
}
