/** Blocks, receipts and the head as stored, and how a block is built, checked and committed. */
package io.zgnode.ledger.chain;
