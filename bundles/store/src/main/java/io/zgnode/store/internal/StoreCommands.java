package io.zgnode.store.internal;

import java.util.Map;
import java.util.SortedMap;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.shell.ShellCommand;
import io.zgnode.api.store.KeyValueStore;

/**
 * Gogo commands {@code store:status} and {@code store:namespaces}: a plain service carrying the
 * {@code osgi.command.*} properties (registered as {@code Object}, as Gogo only looks at those
 * properties). Gogo's {@code @Descriptor} is imported optionally, so a node without a shell
 * resolves this bundle all the same. Each command returns the text Gogo prints.
 */
@Component(service = Object.class)
@ShellCommand(scope = "store", function = {"status", "namespaces"})
public final class StoreCommands {

    private final MapDbStore store;

    @Activate
    public StoreCommands(@Reference(target = "(component.name=" + MapDbStore.PID + ")") KeyValueStore store) {
        this((MapDbStore) store);
    }

    StoreCommands(MapDbStore store) {
        this.store = store;
    }

    /** Path, file size, commit sequence, open snapshots, namespaces with entry counts. */
    @Descriptor("show the store file, its size and options, the commit sequence, open snapshots and namespaces")
    public String status() {
        if (store.isClosed()) {
            return "store: closed (" + store.file() + ")";
        }
        StringBuilder out = new StringBuilder();
        out.append("file:       ").append(store.file()).append('\n');
        out.append("size:       ").append(humanBytes(store.fileSize())).append('\n');
        StoreSettings settings = store.settings();
        out.append("options:    ").append(settings.mmap() ? "mmap" : "file channel").append(", grows by ")
                .append(settings.incrementMiB()).append(" MiB, scan page ").append(settings.pageSize()).append('\n');
        out.append("sequence:   ").append(store.sequence()).append('\n');
        out.append("snapshots:  ").append(store.openSnapshots()).append(" open\n");
        out.append(namespaces());
        return out.toString();
    }

    /** Namespaces with their entry counts (counting reads every entry of each namespace). */
    @Descriptor("list the namespaces with their entry counts (counts by reading every entry)")
    public String namespaces() {
        SortedMap<String, Long> sizes = store.namespaceSizes();
        if (sizes.isEmpty()) {
            return "namespaces: none\n";
        }
        int width = sizes.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder("namespaces: ").append(sizes.size()).append('\n');
        for (Map.Entry<String, Long> e : sizes.entrySet()) {
            out.append("  ").append(String.format("%-" + width + "s", e.getKey()))
                    .append("  ").append(e.getValue()).append(e.getValue() == 1 ? " entry" : " entries").append('\n');
        }
        return out.toString();
    }

    static String humanBytes(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s (%d bytes)", value, units[unit], bytes);
    }
}
