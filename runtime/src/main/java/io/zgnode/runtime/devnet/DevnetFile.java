package io.zgnode.runtime.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.zgnode.crypto.Hex;
import io.zgnode.runtime.cli.Json;

/**
 * {@code devnet.json}: what tools and tests need to use a running devnet, written atomically once
 * every node serves and is connected to every other:
 * {@code {chainId, nodes: [{name, pid, rpc, p2p, dataDir, features, validatorAddress, peerId}],
 * contracts: {name: address}}}.
 */
final class DevnetFile {

    static final String NAME = "devnet.json";

    private DevnetFile() {
    }

    static void write(DevnetPlan plan, Map<String, Long> pids, List<String> features, Map<String, String> contracts) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("chainId", plan.chainId);
        List<Object> nodes = new ArrayList<>();
        for (DevnetPlan.Node node : plan.nodes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", node.name());
            entry.put("pid", pids.get(node.name()));
            entry.put("rpc", node.rpcUrl());
            entry.put("p2p", node.p2pAddress());
            entry.put("dataDir", node.dataDir().toString());
            entry.put("features", features);
            entry.put("validatorAddress", node.validatorAddress().toString());
            entry.put("peerId", Hex.encode(node.peerId()));
            nodes.add(entry);
        }
        json.put("nodes", nodes);
        json.put("contracts", contracts);
        Path file = plan.directory.resolve(NAME);
        Path temporary = plan.directory.resolve(NAME + ".tmp");
        Files.writeString(temporary, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The data directories of the nodes a devnet.json lists. */
    static List<Path> dataDirectories(Path directory) throws IOException {
        Path file = directory.resolve(NAME);
        List<Path> dirs = new ArrayList<>();
        if (Files.exists(file)) {
            for (JsonNode node : Json.MAPPER.readTree(file.toFile()).get("nodes")) {
                dirs.add(Path.of(node.get("dataDir").asText()));
            }
        }
        return dirs;
    }
}
