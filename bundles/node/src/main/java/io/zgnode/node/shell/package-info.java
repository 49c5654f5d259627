/** The node's own shell commands: node:status. */
package io.zgnode.node.shell;
