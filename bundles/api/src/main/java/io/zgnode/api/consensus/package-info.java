/**
 * Consensus engines: services that decide the chain's blocks and drive the ledger's
 * {@link io.zgnode.api.chain.BlockExecutor}. One engine runs at a time; an engine keeps its
 * state in the store so that it can be replaced live.
 */
@Version("1.0.0")
@Export
package io.zgnode.api.consensus;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
