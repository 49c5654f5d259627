/**
 * 0G storage's file Merkle trees, byte-exact with 0G's TypeScript SDK 1.2.8 and its storage node:
 * the file root ({@link io.zgnode.storage.merkle.FileMerkle}, {@link io.zgnode.storage.merkle.FileTree}),
 * the flow submission ({@link io.zgnode.storage.merkle.Submission}), segment proofs
 * ({@link io.zgnode.storage.merkle.SegmentProof}, {@link io.zgnode.storage.merkle.ProofVerifier}); and the
 * same tree taken from a higher level, for formats that lay records out as equal power-of-two runs of
 * chunks (DA blob rows): the roots of such runs ({@link io.zgnode.storage.merkle.SubtreeHasher}) and a
 * tree with proofs over given leaf hashes ({@link io.zgnode.storage.merkle.MerkleTree}).
 *
 * <h2>The tree</h2>
 * Hash = Keccak-256 (Ethereum's). A file of {@code size > 0} bytes is cut into 256-byte chunks, the
 * last one zero-filled; the flow pads the chunk count {@code n} with zero chunks
 * ({@link io.zgnode.storage.merkle.FileLayout#paddedChunks(long)}). The padded chunks form segments of
 * 1024 chunks, the last one possibly shorter (never padded to 1024). Each segment has a tree over its
 * chunk leaves {@code keccak(chunk)}; the file root is the tree over the segment roots. Every tree
 * pairs neighbours left to right, {@code keccak(left || right)}, and moves a level's odd last node up
 * unchanged.
 *
 * <h2>Segments on the wire</h2>
 * A client sends only the segments holding file bytes, each with exactly
 * {@link io.zgnode.storage.merkle.FileLayout#segmentDataLength(int)} bytes
 * ({@link io.zgnode.storage.merkle.SegmentData}): 256 KiB, except the file's last segment, which
 * holds the file's remaining chunks, its last chunk zero-filled; the padding chunks after the file
 * are not sent, the receiver appends them as {@code keccak(256 zero bytes)} leaves.
 *
 * <p>All types are immutable and thread-safe.
 */
@Version("1.2.0")
@Export
package io.zgnode.storage.merkle;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
