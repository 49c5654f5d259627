package io.zgnode.feature.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.feature.FeatureService;

class FeatureCatalogTest {

    private static final FeatureService READER = ServiceLoader.load(FeatureService.class).findFirst().orElseThrow();

    @TempDir
    Path dir;

    @Test
    void readsBundlesConfigurationsStartOrderAndRequirements() throws IOException {
        feature("core", "\"name\": \"Core\", \"bundles\": [{\"id\": \"g:a:1\"}, {\"id\": \"g:shell:2\", \"start-order\": 2}],"
                + "\"configurations\": {\"io.x\": {\"port:Integer\": 8545, \"host\": \"127.0.0.1\"}}");
        feature("storage", "\"bundles\": [{\"id\": \"g:s:1\"}], \"extensions\": " + requires("validator"));
        feature("validator", "\"description\": \"Validator role\", \"bundles\": [{\"id\": \"g:v:1\"}, {\"id\": \"g:a:1\"}]");

        FeatureCatalog catalog = FeatureCatalog.read(dir, READER);

        FeatureSpec core = catalog.get("core");
        assertThat(core.title()).isEqualTo("Core");
        assertThat(core.bundles()).extracting(BundleRef::toString).containsExactly("g:a:1", "g:shell:2");
        assertThat(core.bundles()).extracting(BundleRef::startOrder).containsExactly(1, 2);
        assertThat(core.configurations().get("io.x")).containsEntry("port", 8545).containsEntry("host", "127.0.0.1");
        assertThat(catalog.get("validator").title()).isEqualTo("Validator role");
        assertThat(catalog.closure(List.of("storage"))).extracting(FeatureSpec::name).containsExactly("core", "validator", "storage");
        assertThat(FeatureCatalog.bundlesOf(catalog.closure(List.of("storage")))).extracting(BundleRef::artifactId)
                .containsExactly("a", "shell", "v", "s");
        assertThat(FeatureCatalog.highestStartOrder(catalog.all())).isEqualTo(2);
    }

    @Test
    void anUnknownFeatureIsNamedWithTheKnownOnes() throws IOException {
        feature("core", "\"bundles\": []");
        FeatureCatalog catalog = FeatureCatalog.read(dir, READER);
        assertThatThrownBy(() -> catalog.closure(List.of("nosuch"))).isInstanceOf(CatalogException.class)
                .hasMessage("unknown feature 'nosuch' (known: core)");
    }

    @Test
    void requirementCyclesAndUnknownRequirementsAreRefused() throws IOException {
        feature("core", "\"bundles\": []");
        feature("a", "\"bundles\": [], \"extensions\": " + requires("b"));
        feature("b", "\"bundles\": [], \"extensions\": " + requires("a"));
        FeatureCatalog catalog = FeatureCatalog.read(dir, READER);
        assertThatThrownBy(() -> catalog.closure(List.of("a"))).hasMessageContaining("cycle");

        feature("c", "\"bundles\": [], \"extensions\": " + requires("missing"));
        assertThatThrownBy(() -> FeatureCatalog.read(dir, READER)).hasMessage("feature c requires unknown feature missing");
    }

    @Test
    void aBrokenFeatureFileIsNamed() throws IOException {
        feature("core", "\"bundles\": []");
        Files.writeString(dir.resolve("bad.json"), "{ not json");
        assertThatThrownBy(() -> FeatureCatalog.read(dir, READER)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("not a valid OSGi feature");
    }

    @Test
    void aBadStartOrderIsNamed() throws IOException {
        feature("core", "\"bundles\": [{\"id\": \"g:a:1\", \"start-order\": \"soon\"}]");
        assertThatThrownBy(() -> FeatureCatalog.read(dir, READER)).hasMessageContaining("start-order 'soon'");
    }

    @Test
    void aDistributionWithoutCoreIsRefused() throws IOException {
        feature("other", "\"bundles\": []");
        assertThatThrownBy(() -> FeatureCatalog.read(dir, READER)).hasMessageContaining("no core feature");
    }

    @Test
    void bundleLocationsLeaveTheVersionOutSoANewerBuildUpdatesInPlace() {
        BundleRef ref = new BundleRef("io.zgnode", "io.zgnode.rpc", "0.1.0-SNAPSHOT", null, null, 1);
        assertThat(ref.location()).isEqualTo("zgnode:io.zgnode:io.zgnode.rpc");
        assertThat(ref.repositoryPath()).isEqualTo("io/zgnode/io.zgnode.rpc/0.1.0-SNAPSHOT/io.zgnode.rpc-0.1.0-SNAPSHOT.jar");
    }

    private void feature(String name, String body) throws IOException {
        Files.writeString(dir.resolve(name + ".json"),
                "{\"feature-resource-version\": \"1.0\", \"id\": \"io.zgnode.features:" + name + ":osgifeature:1.0\", " + body + "}");
    }

    private static String requires(String... names) {
        return "{\"zgnode-requires\": {\"type\": \"TEXT\", \"kind\": \"mandatory\", \"text\": [\"" + String.join("\", \"", names) + "\"]}}";
    }
}
