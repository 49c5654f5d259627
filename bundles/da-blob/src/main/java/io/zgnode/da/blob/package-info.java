/**
 * Data-availability blobs: a payload laid out in rows, extended by a Reed-Solomon code, committed by
 * the 0G storage Merkle root of the encoded matrix, with a proof for every row; and decoding from any
 * sufficient set of verified rows.
 *
 * <h2>The format</h2>
 * <ul>
 * <li>A {@link io.zgnode.da.blob.BlobShape} names k data rows and n total rows (0G's: 1024 -> 3072).</li>
 * <li>The blob is the payload's length (4 bytes, little-endian), the payload (1 to
 * {@link io.zgnode.da.blob.BlobShape#MAX_PAYLOAD} bytes), and zeros up to k rows of R bytes, R the
 * smallest 256 B x 2<sup>r</sup> that fits; row j holds bytes {@code [j R, (j+1) R)}.</li>
 * <li>Rows k .. n-1 are the parity of {@link io.zgnode.da.erasure.ReedSolomon#of(int, int)}; any k rows
 * give the data rows back.</li>
 * <li>The data root is the 0G storage file root (Keccak-256, 256-byte chunk leaves, odd nodes carried
 * up, the flow's padding; see io.zgnode.storage.merkle) of the n x R bytes of rows 0 .. n-1 one after
 * another. Since R is 256 B times a power of two, each row is a whole subtree of that tree, and its
 * {@link io.zgnode.da.blob.RowProof} is the Merkle path from the row's root to the data root.</li>
 * </ul>
 *
 * <h2>What the root proves</h2>
 * A row that passes {@link io.zgnode.da.blob.BlobRow#check} is the row at that index of the matrix
 * the root commits to. Unlike 0G's KZG commitments, the Merkle root does not prove the matrix is a
 * codeword; see {@link io.zgnode.da.blob.BlobDecoder}.
 */
@Version("1.0.0")
@Export
package io.zgnode.da.blob;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
