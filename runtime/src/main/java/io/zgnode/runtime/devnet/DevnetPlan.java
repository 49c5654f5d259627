package io.zgnode.runtime.devnet;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.Hex;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.keys.DaSignerKeyFile;
import io.zgnode.runtime.keys.Ed25519KeyFile;
import io.zgnode.runtime.cli.Json;

/**
 * A devnet's layout in its folder: {@code genesis.json}, and per node {@code nodeI/} with its
 * validator key and network key. Made once; a devnet started again in the same folder reuses it,
 * so its nodes restart as they were.
 */
final class DevnetPlan {

    static final String GENESIS = "genesis.json";
    static final String VALIDATOR_KEY = "validator-key.json";
    static final String NODE_KEY = "node-key.json";
    static final String DA_SIGNER_KEY = "da-signer-key.json";
    /** What each node's DA signer stakes in the genesis, and what its account gets to pay for certificates: 100 tokens each. */
    private static final BigInteger DA_STAKE = BigInteger.TEN.pow(20);
    private static final BigInteger DA_SIGNER_FUNDS = BigInteger.TEN.pow(20);
    /** Validators' fee addresses: development accounts from this index on (not funded). */
    private static final int FIRST_VALIDATOR_ACCOUNT = 100;

    /** One node of the plan. */
    record Node(String name, Path dataDir, int rpcPort, int p2pPort, Address validatorAddress, byte[] validatorKey, byte[] peerId,
            Address daSigner) {

        String rpcUrl() {
            return "http://127.0.0.1:" + rpcPort;
        }

        String p2pAddress() {
            return "127.0.0.1:" + p2pPort;
        }
    }

    final Path directory;
    final List<Node> nodes;
    final long chainId;

    private DevnetPlan(Path directory, List<Node> nodes, long chainId) {
        this.directory = directory;
        this.nodes = nodes;
        this.chainId = chainId;
    }

    static DevnetPlan prepare(Path directory, int count, long chainId, int rpcBase, int p2pBase) throws IOException {
        Files.createDirectories(directory);
        Path genesis = directory.resolve(GENESIS);
        boolean existing = Files.exists(genesis);
        if (existing) {
            int had = existingNodes(directory);
            if (had != count) {
                throw new UserError("the devnet in " + directory + " has " + had + " nodes, not " + count + ": use another --dir, or --nodes " + had);
            }
            chainId = Json.MAPPER.readTree(genesis.toFile()).get("chainId").asLong();
        }
        SecureRandom random = new SecureRandom();
        List<Node> nodes = new ArrayList<>();
        List<Map<String, Object>> validators = new ArrayList<>();
        List<Map<String, Object>> daSigners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "node" + (i + 1);
            Path data = directory.resolve(name).toAbsolutePath();
            Files.createDirectories(data);
            byte[] validatorKey = Ed25519KeyFile.create(data.resolve(VALIDATOR_KEY), random);
            byte[] peerId = Ed25519KeyFile.create(data.resolve(NODE_KEY), random);
            Address address = Address.of(DevGenesis.key(FIRST_VALIDATOR_ACCOUNT + i).address());
            Address daSigner = DaSignerKeyFile.create(data.resolve(DA_SIGNER_KEY), random);
            Node node = new Node(name, data, rpcBase + i, p2pBase + i, address, validatorKey, peerId, daSigner);
            nodes.add(node);
            Map<String, Object> signer = new LinkedHashMap<>();
            signer.put("address", daSigner.toString());
            signer.put("stake", DA_STAKE.toString());
            signer.put("socket", node.rpcUrl());
            daSigners.add(signer);
            Map<String, Object> validator = new LinkedHashMap<>();
            validator.put("address", address.toString());
            validator.put("power", 1);
            validator.put("publicKey", Hex.encode(validatorKey));
            validators.add(validator);
        }
        if (!existing) {
            Files.writeString(genesis, DevGenesis.json(document(chainId, validators, daSigners)));
        }
        return new DevnetPlan(directory.toAbsolutePath(), List.copyOf(nodes), chainId);
    }

    /**
     * The development genesis with every node a DA signer, staked, its account funded to pay for
     * certificates (the node's features decide whether it signs; the registration is the chain's).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(long chainId, List<Map<String, Object>> validators, List<Map<String, Object>> daSigners) {
        Map<String, Object> document = DevGenesis.document(chainId, validators, Map.of("da", Map.of("signers", daSigners)));
        Map<String, Object> alloc = (Map<String, Object>) document.get("alloc");
        for (Map<String, Object> signer : daSigners) {
            alloc.put((String) signer.get("address"), Map.of("balance", DA_SIGNER_FUNDS.toString()));
        }
        return document;
    }

    private static int existingNodes(Path directory) {
        int count = 0;
        while (Files.isDirectory(directory.resolve("node" + (count + 1)))) {
            count++;
        }
        return count;
    }

    /** Every node's peer address but {@code self}'s. */
    List<String> bootnodes(Node self) {
        return nodes.stream().filter(n -> n != self).map(Node::p2pAddress).toList();
    }
}
