/** Node facts, metrics and the remote console. */
package io.zgnode.node.internal;
