/**
 * The chain side of data availability: the DA signer registry ({@code DASigners}) and the DA
 * entrance ({@code DAEntrance}) run as native contracts on every node; this package is what the
 * rest of the node, the DA node and clients use of them.
 * <ul>
 * <li>{@link io.zgnode.da.contracts.DaGenesis}: the genesis's {@code modules.da} (addresses, the blob
 * shape, epoch length, minimum stake, the genesis signers).</li>
 * <li>{@link io.zgnode.da.contracts.DaRegistryView}: signers and quorums of an epoch, and
 * {@link io.zgnode.da.contracts.DaCertificatesView}: certificates, both read from a contract's state
 * given as a function (key to value), so the same code serves the contracts themselves and code
 * outside the chain reading committed state ({@code chain.contractStorage}).</li>
 * <li>{@link io.zgnode.da.contracts.Quorum}: the stake-weighted assignment of an epoch's rows to
 * signers, drawn deterministically from chain data.</li>
 * <li>{@link io.zgnode.da.contracts.DaSignatures}: what a signer signs for a blob, and recovery;
 * {@link io.zgnode.da.contracts.DaEntranceCalls}: the entrance's calldata.</li>
 * </ul>
 * <h2>The contracts' Solidity interfaces</h2>
 * <pre>
 * // DASigners, at modules.da.registry
 * event NewSigner(address indexed signer, uint256 stake, string socket);
 * event SocketUpdated(address indexed signer, string socket);
 * function registerSigner(string socket) payable;         // stake = value, active from the next epoch
 * function updateSocket(string socket);
 * function epochNumber() view returns (uint256);
 * function isSigner(address account) view returns (bool);
 * function quorumCount(uint256 epoch) view returns (uint256);
 * function getQuorum(uint256 epoch, uint256 quorumId) view returns (address[]);   // row i's signer
 * function getSigner(address[] accounts) view returns ((address signer, string socket, uint256 stake, uint256 fromEpoch)[]);
 *
 * // DAEntrance, at modules.da.entrance
 * event DataCertified(bytes32 indexed dataRoot, uint256 epoch, uint256 quorumId, uint256 signedRows);
 * function submitCertificate(bytes32 dataRoot, uint256 epoch, uint256 quorumId, bytes[] signatures);
 * function getCertificate(bytes32 dataRoot) view returns (bool certified, uint256 epoch, uint256 quorumId,
 *                                                         uint256 signedRows, uint256 blockNumber);
 * </pre>
 * Epochs: a block's epoch is its number divided by {@code epochBlocks}; a call made with
 * {@code eth_call} runs in the next block, and so answers for that block's epoch.
 * <p>
 * All types are immutable and thread-safe (the views read through the function they are given).
 */
@Version("1.0.0")
@Export
package io.zgnode.da.contracts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
