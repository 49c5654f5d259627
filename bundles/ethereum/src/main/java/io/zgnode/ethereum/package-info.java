/**
 * Ethereum encodings: RLP ({@link io.zgnode.ethereum.RlpItem}); the Solidity ABI
 * ({@link io.zgnode.ethereum.AbiType}, {@link io.zgnode.ethereum.Abi},
 * {@link io.zgnode.ethereum.AbiFunction}, {@link io.zgnode.ethereum.AbiEvent},
 * {@link io.zgnode.ethereum.RevertReason}) and its binding to Java types
 * ({@link io.zgnode.ethereum.AbiBinding}, {@link io.zgnode.ethereum.AbiMethod}); signed
 * transactions ({@link io.zgnode.ethereum.TransactionDecoder},
 * {@link io.zgnode.ethereum.UnsignedTransaction}); logs blooms
 * ({@link io.zgnode.ethereum.LogsBloom}) and EIP-55 addresses ({@link io.zgnode.ethereum.Addresses}).
 *
 * <p>Conventions across the package:
 * <ul>
 * <li>Values are immutable and hand out copies of their arrays; static functions keep no state
 * and are safe from any number of threads. {@link io.zgnode.ethereum.LogsBloom.Builder} is the one
 * mutable type.</li>
 * <li>Decoders are strict: they accept only the canonical form of what they decode and give
 * one-line reasons. Malformed RLP and ABI data throw the unchecked
 * {@link io.zgnode.ethereum.RlpException} and {@link io.zgnode.ethereum.AbiException}
 * ({@link java.lang.IllegalArgumentException}s, as malformed input is throughout zgnode); a raw
 * transaction that cannot be accepted throws the checked
 * {@link io.zgnode.ethereum.InvalidTransactionException}, since every caller of
 * {@link io.zgnode.ethereum.TransactionDecoder} handles network input.</li>
 * <li>Values that do not fit when encoding (a uint8 of 300, a bytes32 of 31 bytes) throw
 * {@link java.lang.IllegalArgumentException}: that is the caller's mistake.</li>
 * </ul>
 */
@Version("1.1.0")
@Export
package io.zgnode.ethereum;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
