package io.zgnode.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.zgnode.feature.options.NodeOptions;
import picocli.CommandLine;

class StartCommandTest {

    @Test
    void optionsGivenAgainOverrideTheRememberedOnesAndTheRestIsKept() {
        NodeOptions remembered = NodeOptions.empty().withFeatures(List.of("example")).withSetting("io.zgnode.rpc", "port", "1000")
                .withSetting("io.zgnode.rpc", "maxBatchSize", "3");
        StartCommand command = parse("--rpc-port", "2000", "--set", "io.zgnode.store.directory=/x/y");

        NodeOptions merged = command.merge(remembered);

        assertThat(merged.features()).containsExactly("example");
        assertThat(merged.settings()).isEqualTo(Map.of("io.zgnode.rpc", Map.of("port", "2000", "maxBatchSize", "3"),
                "io.zgnode.store", Map.of("directory", "/x/y")));
        assertThat(parse("--features", "core,validator,core").merge(remembered).features()).containsExactly("core", "validator");
    }

    @Test
    void aSettingSplitsAtTheLastDotBeforeTheEqualsSign() {
        var setting = StartCommand.parseSetting("io.zgnode.rpc.corsOrigins=https://a.example,https://b.example");
        assertThat(setting.getKey()).isEqualTo("io.zgnode.rpc");
        assertThat(setting.getValue()).isEqualTo(Map.entry("corsOrigins", "https://a.example,https://b.example"));
    }

    @Test
    void malformedSettingsAndPortsAreUserErrors() {
        assertThatThrownBy(() -> StartCommand.parseSetting("nodot=1")).isInstanceOf(UserError.class).hasMessageContaining("PID.KEY=VALUE");
        assertThatThrownBy(() -> StartCommand.parseSetting("io.zgnode.rpc.port")).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> StartCommand.parseSetting("io.zgnode.rpc.=1")).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> parse("--rpc-port", "70000").merge(NodeOptions.empty())).isInstanceOf(UserError.class)
                .hasMessage("--rpc-port 70000 is not a port number (1-65535)");
    }

    private static StartCommand parse(String... args) {
        StartCommand command = new StartCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
