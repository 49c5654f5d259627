/** The transaction pool: validated transactions waiting for a block, per sender in nonce order. */
package io.zgnode.ledger.pool;
