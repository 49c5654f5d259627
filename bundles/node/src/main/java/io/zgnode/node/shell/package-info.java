/** The node's own shell commands: node:status and cm:*. */
package io.zgnode.node.shell;
