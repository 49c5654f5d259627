/**
 * The chain side of 0G storage's log layer. {@link io.zgnode.storage.flow.FlowContract} and
 * {@link io.zgnode.storage.flow.MarketContract} are native contracts with the ABI of 0G's
 * contracts, so that the official SDK and any ethers client submit files unmodified; the flow
 * they build lives in the Flow contract's state ({@link io.zgnode.storage.flow.FlowState}), part
 * of the state root, so every node agrees on every entry, its txSeq, its place and the flow root.
 * {@link io.zgnode.storage.flow.FlowLogService} serves that state to the storage node
 * ({@code io.zgnode.api.storage}). Addresses and price come from the genesis
 * ({@link io.zgnode.storage.flow.StorageGenesis}).
 * <p>
 * Private: other modules use the API package. (The ABI records are public only because the
 * ledger binds contract arguments to them.)
 */
package io.zgnode.storage.flow;
