package io.zgnode.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

import io.zgnode.api.store.StoreException;

/** Where the store lives, from configuration and framework properties; activation as DS does it. */
class StoreSettingsTest {

    @TempDir
    Path dir;

    @Test
    void emptyDirectoryMeansDataDirSlashStore() {
        StoreSettings settings = StoreSettings.resolve(context(dir.toString(), null), config(Map.of()));
        assertThat(settings.directory()).isEqualTo(dir.resolve("store"));
        assertThat(settings.file()).isEqualTo(dir.resolve("store").resolve("store.db"));
        assertThat(settings.mmap()).isTrue();
        assertThat(settings.pageSize()).isEqualTo(StoreSettings.DEFAULT_PAGE_SIZE);
    }

    @Test
    void withoutDataDirTheBundleDataAreaIsUsed() {
        File area = dir.resolve("bundle-data").toFile();
        StoreSettings settings = StoreSettings.resolve(context(null, area), config(Map.of()));
        assertThat(settings.directory()).isEqualTo(area.toPath().resolve("store"));
        assertThatThrownBy(() -> StoreSettings.resolve(context(null, null), config(Map.of())))
                .isInstanceOf(StoreException.class).hasMessageContaining("zgnode.data");
    }

    @Test
    void configuredDirectoryAbsoluteOrRelativeToDataDir() {
        Path elsewhere = dir.resolve("elsewhere");
        assertThat(StoreSettings.resolve(context(dir.toString(), null),
                config(Map.of("directory", elsewhere.toString()))).directory()).isEqualTo(elsewhere);
        assertThat(StoreSettings.resolve(context(dir.toString(), null),
                config(Map.of("directory", "db/main"))).directory()).isEqualTo(dir.resolve("db/main"));
    }

    @Test
    void tuningIsReadAndChecked() {
        StoreSettings settings = StoreSettings.resolve(context(dir.toString(), null),
                config(Map.of("mmap", false, "allocate_increment_mib", 4, "scan_page_size", 1024)));
        assertThat(settings.mmap()).isFalse();
        assertThat(settings.incrementMiB()).isEqualTo(4);
        assertThat(settings.pageSize()).isEqualTo(1024);
        assertThatThrownBy(() -> StoreSettings.resolve(context(dir.toString(), null),
                config(Map.of("scan_page_size", 1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scan.page.size");
    }

    /** Activate, deactivate, activate again on the same file: what a bundle update does. */
    @Test
    void activationOpensAndDeactivationReleasesTheFile() {
        BundleContext context = context(dir.toString(), null);
        MapDbStore first = new MapDbStore(context, config(Map.of()));
        first.newBatch().put("a", TestData.s("k"), TestData.s("v")).commit();
        first.close();
        MapDbStore second = new MapDbStore(context, config(Map.of("mmap", false)));
        try {
            assertThat(TestData.str(second.get("a", TestData.s("k")))).isEqualTo("v");
            assertThat(second.file()).isEqualTo(dir.resolve("store").resolve("store.db"));
        } finally {
            second.close();
        }
    }

    private static BundleContext context(String dataProperty, File dataArea) {
        return (BundleContext) Proxy.newProxyInstance(StoreSettingsTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> "zgnode.data".equals(args[0]) ? dataProperty : null;
                    case "getDataFile" -> dataArea == null ? null : new File(dataArea, (String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A StoreConfig as DS would build it: values given by method name, else the defaults. */
    private static StoreConfig config(Map<String, Object> values) {
        return (StoreConfig) Proxy.newProxyInstance(StoreSettingsTest.class.getClassLoader(),
                new Class<?>[] {StoreConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    Object fallback = method.getDefaultValue();
                    if (fallback == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return fallback;
                });
    }
}
