package io.zgnode.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import io.zgnode.feature.catalog.BundleFile;
import io.zgnode.feature.catalog.FeatureSpec;
import io.zgnode.feature.options.NodeOptions;
import io.zgnode.feature.options.NodeOptionsFile;
import io.zgnode.feature.options.TypedValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zgnode start}: runs a node in this process. Options given are remembered in the data
 * directory, so that {@code zgnode start --data DIR} restarts the node as it was; options given
 * again override the remembered ones.
 */
@Command(name = "start", description = "Start a node in this process (a Gogo console reads stdin unless --nointeractive).")
final class StartCommand implements Callable<Integer> {

    /** The BFT engine's configuration: where --validator-key goes. */
    static final String VALIDATOR_PID = "io.zgnode.consensus.bft";

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: ~/.zgnode)")
    Path data = Path.of(System.getProperty("user.home"), ".zgnode");

    @Option(names = "--features", paramLabel = "NAME[,NAME...]", split = ",", description = "features to run; core is always included (remembered)")
    List<String> features;

    @Option(names = "--rpc-port", paramLabel = "PORT", description = "JSON-RPC port (remembered; default 8545)")
    Integer rpcPort;

    @Option(names = "--rpc-host", paramLabel = "HOST", description = "JSON-RPC interface (remembered; default 127.0.0.1)")
    String rpcHost;

    @Option(names = "--p2p-port", paramLabel = "PORT", description = "peer-to-peer port (remembered)")
    Integer p2pPort;

    @Option(names = "--p2p-host", paramLabel = "HOST", description = "peer-to-peer interface (remembered; default 127.0.0.1; 0.0.0.0 to be reachable from other machines)")
    String p2pHost;

    @Option(names = "--bootnodes", paramLabel = "HOST:PORT[,...]", split = ",", description = "peers to connect to at start (remembered)")
    List<String> bootnodes;

    @Option(names = "--validator-key", paramLabel = "FILE", description = "this node's validator key (Ed25519 key file); without one the node follows the chain and signs nothing (remembered)")
    Path validatorKey;

    @Option(names = "--set", paramLabel = "PID.KEY=VALUE", description = "a configuration value, e.g. io.zgnode.rpc.maxBatchSize=100; the key is the part after the last dot (remembered)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--genesis", paramLabel = "FILE", description = "the chain's genesis (JSON); a new node copies it into its data directory")
    Path genesis;

    @Option(names = "--dev", description = "a development chain: the first 10 accounts of the test mnemonic funded (the default without --genesis)")
    boolean dev;

    @Option(names = "--chain-id", paramLabel = "ID", description = "chain id of a development chain (default 31337)")
    Long chainId;

    @Option(names = "--nointeractive", description = "no console: run as a daemon until SIGTERM")
    boolean noInteractive;

    @Option(names = "--heap", paramLabel = "SIZE", description = "maximum heap, e.g. 1g (applied by the zgnode script; default 1g or ZGNODE_HEAP)")
    String heap;

    @Override
    public Integer call() throws Exception {
        Distribution distribution = Distribution.locate();
        try (DataDirectory directory = DataDirectory.open(data)) {
            NodeOptionsFile optionsFile = new NodeOptionsFile(directory.path());
            NodeOptions options = merge(read(optionsFile));
            List<BundleFile> bundles = distribution.bundlesFor(options.features());
            List<FeatureSpec> features = distribution.catalog().closure(options.features());
            checkSettingTypes(features, options);
            ListeningPorts.checkFree(features, options.settings());
            GenesisSetup.Prepared prepared = GenesisSetup.prepare(directory.path(), genesis, dev, chainId);
            if (genesis != null) {
                options = options.withGenesis(genesis.toAbsolutePath().toString());
            }
            if (prepared.devValidatorKey() != null && !options.settings().getOrDefault(VALIDATOR_PID, Map.of()).containsKey("validatorKeyFile")) {
                options = options.withSetting(VALIDATOR_PID, "validatorKeyFile", prepared.devValidatorKey().toString());
            }
            optionsFile.write(options);
            if (prepared.note() != null) {
                System.out.println("zgnode: " + prepared.note());
            }
            return new NodeLauncher(distribution, directory, options, !noInteractive).run(bundles);
        }
    }

    /** A setting for a key with a typed default must parse as that type: one clear line if not. */
    private static void checkSettingTypes(List<FeatureSpec> features, NodeOptions options) {
        options.settings().forEach((pid, values) -> values.forEach((key, value) -> {
            Object typedDefault = features.stream().map(f -> f.configurations().getOrDefault(pid, Map.of()).get(key))
                    .filter(Objects::nonNull).reduce((first, second) -> second).orElse(null);
            try {
                TypedValues.like(typedDefault, value);
            } catch (IllegalArgumentException e) {
                throw new UserError("setting " + pid + "." + key + ": " + e.getMessage());
            }
        }));
    }

    private static NodeOptions read(NodeOptionsFile file) {
        try {
            return file.read();
        } catch (IOException e) {
            throw new UserError(e.getMessage() + " (fix or delete it; the options given on the command line are then used)");
        }
    }

    /** The remembered options with those given on this command line laid over them. */
    NodeOptions merge(NodeOptions remembered) {
        NodeOptions options = remembered;
        if (features != null) {
            options = options.withFeatures(features.stream().map(String::trim).filter(f -> !f.isEmpty()).distinct().toList());
        }
        if (rpcPort != null) {
            options = options.withSetting(ListeningPorts.RPC_PID, "port", Integer.toString(checkPort(rpcPort, "--rpc-port")));
        }
        if (rpcHost != null) {
            options = options.withSetting(ListeningPorts.RPC_PID, "host", rpcHost);
        }
        if (p2pPort != null) {
            options = options.withSetting(ListeningPorts.P2P_PID, "port", Integer.toString(checkPort(p2pPort, "--p2p-port")));
        }
        if (p2pHost != null) {
            options = options.withSetting(ListeningPorts.P2P_PID, "host", p2pHost);
        }
        if (bootnodes != null) {
            options = options.withSetting(ListeningPorts.P2P_PID, "bootnodes", String.join(",", bootnodes));
        }
        if (validatorKey != null) {
            if (!Files.isReadable(validatorKey)) {
                throw new UserError("--validator-key " + validatorKey + ": no readable key file there");
            }
            options = options.withSetting(VALIDATOR_PID, "validatorKeyFile", validatorKey.toAbsolutePath().toString());
        }
        for (String setting : settings) {
            Map.Entry<String, Map.Entry<String, String>> parsed = parseSetting(setting);
            options = options.withSetting(parsed.getKey(), parsed.getValue().getKey(), parsed.getValue().getValue());
        }
        return options;
    }

    private static int checkPort(int port, String option) {
        if (port < 1 || port > 65535) {
            throw new UserError(option + " " + port + " is not a port number (1-65535)");
        }
        return port;
    }

    static Map.Entry<String, Map.Entry<String, String>> parseSetting(String setting) {
        int equals = setting.indexOf('=');
        int dot = equals < 0 ? -1 : setting.lastIndexOf('.', equals);
        if (equals < 0 || dot <= 0 || dot == equals - 1) {
            throw new UserError("--set " + setting + ": expected PID.KEY=VALUE, e.g. io.zgnode.rpc.maxBatchSize=100");
        }
        return Map.entry(setting.substring(0, dot), Map.entry(setting.substring(dot + 1, equals), setting.substring(equals + 1)));
    }
}
