/**
 * Node roles as features: named sets of bundles with default configuration, installed and
 * uninstalled live and remembered across restarts.
 */
@Version("1.0.0")
@Export
package io.zgnode.api.feature;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
