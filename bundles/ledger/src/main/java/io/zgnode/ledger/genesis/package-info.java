/** The genesis document: read, checked, and made for development chains. */
package io.zgnode.ledger.genesis;
