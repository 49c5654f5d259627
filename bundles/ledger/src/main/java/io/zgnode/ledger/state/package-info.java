/**
 * Chain state: accounts and native contract storage in the store, changed through a journal so a
 * reverted call leaves nothing behind, and committed to by the authenticated state root.
 */
package io.zgnode.ledger.state;
