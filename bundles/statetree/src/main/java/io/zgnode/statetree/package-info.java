/**
 * The chain's authenticated state: one 32-byte root per block over all state key/value pairs,
 * updated per block in time proportional to the keys changed, with inclusion and exclusion
 * proofs a light client checks with Keccak-256 alone. Entry point: {@link io.zgnode.statetree.StateTree};
 * proofs: {@link io.zgnode.statetree.Proof}.
 *
 * <h2>The tree (what a verifier needs)</h2>
 * The tree maps key hashes (32 bytes; the ledger uses Keccak-256 of the state key) to value
 * hashes (32 bytes; the tree never sees the values). It is the binary trie over the 256 bits of
 * the key hashes, most significant bit of byte 0 first (bit {@code i} is
 * {@code (key[i / 8] >> (7 - i % 8)) & 1}; 0 goes left), compressed so that any subtree holding
 * exactly one pair is that pair's leaf. With {@code keccak} = Keccak-256 (Ethereum's padding)
 * and {@code ||} concatenation, the hash of the subtree at a bit prefix is:
 * <ul>
 * <li>no pair below: 32 zero bytes ({@code ZERO});</li>
 * <li>exactly one pair {@code (k, v)} below: {@code keccak(0x00 || k || v)} (65 bytes hashed);</li>
 * <li>two or more: {@code keccak(0x01 || left || right)}, the hashes of the two subtrees one bit
 * longer (65 bytes hashed); one of them may be {@code ZERO}.</li>
 * </ul>
 * The root is the hash of the subtree at the empty prefix: {@code ZERO} for an empty tree, the
 * leaf hash for a tree of one pair. The root depends only on the set of pairs, never on the
 * order in which they were written or deleted.
 *
 * <h2>Proofs</h2>
 * A proof for key hash {@code K} follows {@code K}'s bits from the root while the subtree holds
 * two or more pairs, and records at each of those {@code depth} steps the hash of the other
 * subtree (its sibling). The path ends in a subtree that is either empty, or one leaf: {@code K}'s
 * own (inclusion) or another key's {@code L} that shares {@code K}'s first {@code depth} bits
 * (exclusion: {@code K}'s place is taken by a subtree of one pair that is not {@code K}). Encoding:
 * <pre>
 *   byte 0        kind: 0x00 the path ends empty, 0x01 it ends in a leaf
 *   bytes 1..2    depth, unsigned 16-bit big-endian, 0 to 256
 *   bitmap        ceil(depth / 8) bytes; bit i (byte i / 8, mask 0x80 >> (i % 8)) is set when
 *                 sibling i is not ZERO; the unused low bits of the last byte are 0
 *   siblings      the siblings that are not ZERO, 32 bytes each, in order of i (root side first)
 *   leaf          kind 0x01 only: L (32) || value hash of L (32)
 * </pre>
 * Nothing else may follow; a bitmap bit set for a ZERO sibling is rejected, so each proof has one
 * encoding (at most {@value io.zgnode.statetree.Proof#MAX_ENCODED_LENGTH} bytes; over JSON-RPC as
 * {@code 0x}-hex). To verify that {@code K} has value hash {@code V} (or, for exclusion, none)
 * under root {@code R}:
 * <ol>
 * <li>inclusion: kind must be 0x01 with {@code L = K} and the leaf value {@code V}; exclusion:
 * kind 0x00, or kind 0x01 with {@code L != K};</li>
 * <li>kind 0x01: {@code L} must agree with {@code K} in its first {@code depth} bits; start with
 * {@code h = keccak(0x00 || L || value)}; kind 0x00: start with {@code h = ZERO};</li>
 * <li>for {@code i = depth - 1} down to 0: {@code h = keccak(0x01 || h || sibling_i)} if bit
 * {@code i} of {@code K} is 0, else {@code keccak(0x01 || sibling_i || h)};</li>
 * <li>the proof holds if {@code h == R}.</li>
 * </ol>
 *
 * <h2>Storage (this implementation)</h2>
 * Nodes live in one store namespace ({@value io.zgnode.statetree.StateTree#DEFAULT_NAMESPACE} by
 * default). A stored node is a 16-way branch at a nibble (4-bit) position, standing for four
 * binary levels: {@code present} (u16) and {@code leaves} (u16) bitmaps, then per present slot
 * either a leaf ({@code k || v}, 64 bytes) or the hash of the child node (32 bytes). A child node
 * exists only for a subtree of two or more pairs; a single pair sits inline in its parent's slot.
 * Node keys are positions, not hashes: the nibble path packed two to a byte plus one byte of
 * depth, so the root is key {@code 0x00}. An update overwrites the nodes on the changed paths in
 * place and deletes those that disappear: the store holds exactly one node per occupied position
 * (about 0.35 nodes per key at a million keys), and its content is a function of the current
 * pairs alone. The cost of that choice: only the latest state can be proven (or a state a
 * snapshot holds open); old roots cannot be queried.
 */
@Version("1.0.0")
@Export
package io.zgnode.statetree;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
