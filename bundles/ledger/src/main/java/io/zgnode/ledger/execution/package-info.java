/** Executing transactions: fees, gas, value transfers and calls to native contracts. */
package io.zgnode.ledger.execution;
