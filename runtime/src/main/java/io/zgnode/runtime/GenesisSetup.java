package io.zgnode.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.ledger.genesis.Genesis;
import io.zgnode.ledger.genesis.GenesisException;
import io.zgnode.ledger.genesis.GenesisReader;

/**
 * Puts a node's genesis in its data directory ({@code genesis.json}), where the ledger reads it:
 * the file given with {@code --genesis}, or, for a node that has none, a development genesis
 * ({@code --dev}, or no genesis at all). A node keeps the genesis it was created with: another
 * one is refused rather than silently starting another chain on the same data.
 */
final class GenesisSetup {

    static final String FILE = "genesis.json";

    private GenesisSetup() {
    }

    /**
     * @return a note for the operator, or {@code null}
     * @throws UserError if the genesis given is unreadable, invalid, or not this node's
     */
    static String prepare(Path dataDirectory, Path given, boolean dev, Long chainId) {
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
                return null;
            }
            write(target, content);
            return null;
        }
        if (Files.exists(target)) {
            // a restart reads nothing here: the genesis is parsed once more only to check a chain id given again
            if (chainId != null && parse(read(target), target.toString()).chainId() != chainId) {
                throw new UserError("this node's chain does not have id " + chainId + ": use a new data directory");
            }
            return null;
        }
        long id = chainId == null ? DevGenesis.DEFAULT_CHAIN_ID : chainId;
        write(target, DevGenesis.json(DevGenesis.document(id, List.of(), Map.of())));
        return (dev ? "" : "no --genesis given: ") + "a development chain (chain id " + id + "; the first " + DevGenesis.ACCOUNTS
                + " accounts of the mnemonic '" + DevGenesis.MNEMONIC + "' are funded)";
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
