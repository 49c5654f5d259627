/**
 * Our own 0G storage client, behind {@code zgnode client upload} and {@code zgnode client download}:
 * the JSON-RPC calls to storage nodes and their indexer ({@link io.zgnode.runtime.cli.storage.StorageNodeClient},
 * {@link io.zgnode.runtime.cli.storage.StorageNetwork}), the choice of nodes that keep every shard
 * ({@link io.zgnode.runtime.cli.storage.ShardCoverage}), the Flow contract's submission
 * ({@link io.zgnode.runtime.cli.storage.FlowContract}), and the transfers: segments uploaded a batch
 * at a time straight from the file ({@link io.zgnode.runtime.cli.storage.FileUpload}; a file over the
 * fragment size as several entries, cut as the official SDK cuts it: {@link io.zgnode.runtime.cli.storage.Fragments}), segments
 * downloaded with every proof checked against the root and written atomically
 * ({@link io.zgnode.runtime.cli.storage.FileDownload}). The Merkle trees and proofs are
 * {@code io.zgnode.storage.merkle}'s, byte-exact with the official SDK. Tests and tools can use
 * these classes directly, without the command line.
 */
package io.zgnode.runtime.cli.storage;
