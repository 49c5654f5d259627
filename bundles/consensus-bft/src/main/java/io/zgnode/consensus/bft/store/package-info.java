/** The engine's state in the node's store: the write-ahead log and the equivocation evidence. Private. */
package io.zgnode.consensus.bft.store;
