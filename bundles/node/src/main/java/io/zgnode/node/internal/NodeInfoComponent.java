package io.zgnode.node.internal;

import java.nio.file.Path;
import java.time.Instant;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.zgnode.api.node.NodeInfo;

/**
 * Node facts from the framework properties the launcher sets ({@code zgnode.version},
 * {@code zgnode.data}, {@code zgnode.started}). In a framework not started by the launcher
 * (tests), the bundle's version, the framework's storage area and the activation time stand in.
 */
@Component(service = NodeInfo.class)
public class NodeInfoComponent implements NodeInfo {

    private final String version;
    private final Path dataDirectory;
    private final Instant startedAt;

    @Activate
    public NodeInfoComponent(BundleContext context) {
        this.version = orElse(context.getProperty("zgnode.version"), context.getBundle().getVersion().toString());
        this.dataDirectory = Path.of(orElse(context.getProperty("zgnode.data"), context.getDataFile("").getAbsolutePath()))
                .toAbsolutePath();
        String started = context.getProperty("zgnode.started");
        this.startedAt = started == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(started));
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }
}
