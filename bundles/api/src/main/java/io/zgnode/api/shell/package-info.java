/**
 * Gogo shell commands. A command group is a plain service with the {@code osgi.command.scope}
 * and {@code osgi.command.function} properties; {@link io.zgnode.api.shell.ShellCommand} sets
 * them as a typed component property, so command classes need no import of Gogo.
 */
@Version("1.0.0")
@Export
package io.zgnode.api.shell;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
