package io.zgnode.feature.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeOptionsFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewNodeHasEmptyOptionsAndWrittenOptionsReadBack() throws IOException {
        NodeOptionsFile file = new NodeOptionsFile(dir);
        assertThat(file.read()).isEqualTo(NodeOptions.empty());

        NodeOptions options = NodeOptions.empty().withFeatures(List.of("validator")).withSetting("io.zgnode.rpc", "port", "8546")
                .withGenesis("genesis.json");
        file.write(options);

        assertThat(file.read()).isEqualTo(options);
        assertThat(dir.resolve("node.json.tmp")).doesNotExist();
    }

    @Test
    void settingsGivenAgainOverrideOnlyTheirKeys() {
        NodeOptions remembered = NodeOptions.empty().withSetting("io.zgnode.rpc", "port", "1").withSetting("io.zgnode.rpc", "host", "h");
        NodeOptions merged = remembered.withSettings(Map.of("io.zgnode.rpc", Map.of("port", "2")));
        assertThat(merged.settings().get("io.zgnode.rpc")).containsEntry("port", "2").containsEntry("host", "h");
    }

    @Test
    void featuresAreAddedOnceAndRemoved() {
        NodeOptions options = NodeOptions.empty().withFeature("a").withFeature("b").withFeature("a");
        assertThat(options.features()).containsExactly("a", "b");
        assertThat(options.withoutFeature("a").features()).containsExactly("b");
    }

    @Test
    void aCorruptFileIsNamedAndLeftAlone() throws IOException {
        Files.writeString(dir.resolve("node.json"), "{\"features\": [\"core\"], \"unknown\": 1}");
        assertThatThrownBy(() -> new NodeOptionsFile(dir).read()).isInstanceOf(IOException.class)
                .hasMessageStartingWith("corrupt node options " + dir.resolve("node.json"));
        Files.writeString(dir.resolve("node.json"), "");
        assertThatThrownBy(() -> new NodeOptionsFile(dir).read()).hasMessageStartingWith("corrupt node options");
        assertThat(Files.readString(dir.resolve("node.json"))).isEmpty();
    }
}
