package io.zgnode.store.internal;

import java.io.File;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;

import io.zgnode.api.store.StoreException;

/**
 * The resolved settings of one store: where its file lives and how MapDB opens it.
 *
 * @param directory        the directory holding {@value #FILE_NAME} and MapDB's write-ahead log files
 * @param mmap             memory-map the file where supported
 * @param incrementMiB     file growth step
 * @param pageSize         entries per scan page
 */
record StoreSettings(Path directory, boolean mmap, int incrementMiB, int pageSize) {

    static final String FILE_NAME = "store.db";
    static final String DATA_PROPERTY = "zgnode.data";
    static final int DEFAULT_INCREMENT_MIB = 16;
    static final int DEFAULT_PAGE_SIZE = 256;

    StoreSettings {
        if (directory == null) {
            throw new IllegalArgumentException("directory must not be null");
        }
        if (incrementMiB < 1 || incrementMiB > 1024) {
            throw new IllegalArgumentException("allocate.increment.mib must be 1 to 1024, not " + incrementMiB);
        }
        if (pageSize < 16 || pageSize > 65536) {
            throw new IllegalArgumentException("scan.page.size must be 16 to 65536, not " + pageSize);
        }
    }

    /** Defaults for a store in {@code directory}. */
    static StoreSettings of(Path directory) {
        return new StoreSettings(directory, true, DEFAULT_INCREMENT_MIB, DEFAULT_PAGE_SIZE);
    }

    StoreSettings withMmap(boolean on) {
        return new StoreSettings(directory, on, incrementMiB, pageSize);
    }

    StoreSettings withPageSize(int size) {
        return new StoreSettings(directory, mmap, incrementMiB, size);
    }

    Path file() {
        return directory.resolve(FILE_NAME);
    }

    /**
     * Settings from configuration: {@code directory} if set (relative to {@code zgnode.data}),
     * else {@code <zgnode.data>/store}, else the bundle's data area.
     */
    static StoreSettings resolve(BundleContext context, StoreConfig config) {
        String data = context.getProperty(DATA_PROPERTY);
        Path dataDir = data == null || data.isBlank() ? null : Path.of(data.trim());
        String configured = config.directory() == null ? "" : config.directory().trim();
        Path directory;
        if (!configured.isEmpty()) {
            Path path = Path.of(configured);
            directory = path.isAbsolute() || dataDir == null ? path : dataDir.resolve(path);
        } else if (dataDir != null) {
            directory = dataDir.resolve("store");
        } else {
            File area = context.getDataFile("store");
            if (area == null) {
                throw new StoreException("no store directory: set 'directory' in configuration "
                        + "io.zgnode.store or the framework property " + DATA_PROPERTY
                        + " (the framework has no bundle data area)");
            }
            directory = area.toPath();
        }
        return new StoreSettings(directory.toAbsolutePath().normalize(), config.mmap(),
                config.allocate_increment_mib(), config.scan_page_size());
    }
}
