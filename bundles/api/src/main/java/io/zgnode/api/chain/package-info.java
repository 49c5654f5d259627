/**
 * The chain: Ethereum-compatible accounts and transactions, blocks, receipts and logs, and
 * native contracts (services with an address and a Solidity ABI, executed by the ledger).
 */
@Version("1.1.0")
@Export
package io.zgnode.api.chain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
