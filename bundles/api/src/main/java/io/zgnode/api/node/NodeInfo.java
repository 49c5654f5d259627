package io.zgnode.api.node;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/** Facts about the running node. */
@ProviderType
public interface NodeInfo {

    /** The zgnode version, e.g. {@code 0.1.0}. */
    String version();

    /** The node's data directory (absolute). */
    Path dataDirectory();

    /** When this process started the node. */
    Instant startedAt();

    default Duration uptime() {
        return Duration.between(startedAt(), Instant.now());
    }
}
