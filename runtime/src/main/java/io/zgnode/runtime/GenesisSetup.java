package io.zgnode.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.Hex;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.ledger.genesis.Genesis;
import io.zgnode.ledger.genesis.GenesisException;
import io.zgnode.ledger.genesis.GenesisReader;
import io.zgnode.runtime.keys.Ed25519KeyFile;

/**
 * Puts a node's genesis in its data directory ({@code genesis.json}), where the ledger reads it:
 * the file given with {@code --genesis}, or, for a node that has none, a development genesis
 * ({@code --dev}, or no genesis at all). A node keeps the genesis it was created with: another
 * one is refused rather than silently starting another chain on the same data.
 */
final class GenesisSetup {

    static final String FILE = "genesis.json";
    /** A development chain's one validator key, in the node's data directory. */
    static final String DEV_VALIDATOR_KEY = "validator-key.json";
    /** The development validator's fee address: a development account not funded by the genesis. */
    private static final int DEV_VALIDATOR_ACCOUNT = 100;

    /**
     * What preparing the genesis did.
     *
     * @param note a line for the operator, or null
     * @param devValidatorKey the validator key made for a new development chain, or null
     */
    record Prepared(String note, Path devValidatorKey) {
    }

    private GenesisSetup() {
    }

    /**
     * @throws UserError if the genesis given is unreadable, invalid, or not this node's
     */
    static Prepared prepare(Path dataDirectory, Path given, boolean dev, Long chainId) {
        Path target = dataDirectory.resolve(FILE);
        if (given != null) {
            if (dev) {
                throw new UserError("--genesis and --dev exclude each other: a development chain has its own genesis");
            }
            String content = read(given);
            Genesis genesis = parse(content, given.toString());
            if (Files.exists(target)) {
                if (!parse(read(target), target.toString()).documentHash().equals(genesis.documentHash())) {
                    throw new UserError("this node was created with another genesis (" + target + "): use a new data directory for " + given);
                }
                return new Prepared(null, null);
            }
            write(target, content);
            return new Prepared(null, null);
        }
        if (Files.exists(target)) {
            // a restart reads nothing here: the genesis is parsed once more only to check a chain id given again
            if (chainId != null && parse(read(target), target.toString()).chainId() != chainId) {
                throw new UserError("this node's chain does not have id " + chainId + ": use a new data directory");
            }
            return new Prepared(null, null);
        }
        long id = chainId == null ? DevGenesis.DEFAULT_CHAIN_ID : chainId;
        Path validatorKey = dataDirectory.resolve(DEV_VALIDATOR_KEY);
        Map<String, Object> validator = new LinkedHashMap<>();
        validator.put("address", Address.of(DevGenesis.key(DEV_VALIDATOR_ACCOUNT).address()).toString());
        validator.put("power", 1);
        try {
            validator.put("publicKey", Hex.encode(Ed25519KeyFile.create(validatorKey, new SecureRandom())));
        } catch (IOException e) {
            throw new UserError("cannot write " + validatorKey + ": " + e.getMessage());
        }
        write(target, DevGenesis.json(DevGenesis.document(id, List.of(validator), Map.of())));
        return new Prepared((dev ? "" : "no --genesis given: ") + "a development chain (chain id " + id + ", this node its one validator; the first "
                + DevGenesis.ACCOUNTS + " accounts of the mnemonic '" + DevGenesis.MNEMONIC + "' are funded)", validatorKey);
    }

    private static Genesis parse(String content, String source) {
        try {
            return GenesisReader.parse(content);
        } catch (GenesisException e) {
            throw new UserError("genesis " + source + ": " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read genesis " + file + ": " + e.getMessage());
        }
    }

    private static void write(Path target, String content) {
        Path temporary = target.resolveSibling(FILE + ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": " + e.getMessage());
        }
    }
}
