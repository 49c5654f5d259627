/** Shell commands: feature:* for node roles, cm:* for configuration. */
package io.zgnode.feature.shell;
