/** The eth_, net_ and web3_ JSON-RPC methods, as Ethereum clients (ethers, web3j, the 0G SDK) call them. */
package io.zgnode.ledger.rpc;
