/**
 * What every client command of the launcher shares ({@code zgnode keys ...}, {@code zgnode client ...}):
 * the {@link io.zgnode.runtime.cli.ClientCommand} base with its {@code --json} switch and the
 * {@link io.zgnode.runtime.cli.Output} that keeps stdout to readable lines or exactly one JSON object,
 * passwords and key files ({@link io.zgnode.runtime.cli.Passwords}, {@link io.zgnode.runtime.cli.KeyFiles}),
 * the JSON-RPC client ({@link io.zgnode.runtime.cli.RpcClient}, {@code --rpc URL}), the progress bar,
 * sending a contract call as a signed transaction ({@link io.zgnode.runtime.cli.Transactions}), and
 * the client commands ({@code client block-number}, {@code client balance}, {@code client root}, a
 * file's storage root computed offline, and {@code client upload} and {@code client download}, whose
 * storage client is in {@link io.zgnode.runtime.cli.storage}).
 *
 * <p>Nothing here may load at node start: {@code zgnode start} instantiates these commands (picocli
 * builds the whole command tree), so their fields and initializers stay free of Jackson, BouncyCastle
 * and the crypto library, which load only when a client command runs.
 */
package io.zgnode.runtime.cli;
