/** Transactions gossiped between nodes, so that every validator's pool sees what any node was sent. */
package io.zgnode.ledger.gossip;
