/** What a node is: its version, data directory and uptime. */
@Version("1.0.0")
@Export
package io.zgnode.api.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
