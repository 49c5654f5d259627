/**
 * Reed-Solomon erasure coding for data availability: {@link io.zgnode.da.erasure.ReedSolomon}, a
 * systematic code over GF(2^16) in which any k of the n shards give back the k data shards; 0G's shape is
 * 1024 data rows extended to 3072.
 *
 * <h2>The code</h2>
 * Symbols are elements of GF(2^16) = GF(2)[x]/(x^16 + x^5 + x^3 + x^2 + 1), written in a Cantor basis.
 * With p = n - k parity shards and {@code m = nextPow2(p)}, the rows are the values at the field points
 * {@code w_0 .. w_(N-1)} ({@code N = nextPow2(m + k)}, {@code w_r} the element whose Cantor coordinates
 * are the bits of r) of the polynomials of degree below {@code N - m} that vanish past the data: parity
 * row j at {@code w_j}, data row d at {@code w_(m + d)} (Leopard-RS's layout). For the few shapes where
 * {@code m + k > 65536}, m is p itself. The code is a shortened, punctured Reed-Solomon code, so it is
 * MDS.
 *
 * <h2>The algorithms, O(n log n) per symbol column</h2>
 * Encoding: an inverse additive FFT per coset of m data points, the sum, one FFT onto the parity points.
 * Decoding: the erasure locator's values from two Walsh-Hadamard transforms in the log domain, then
 * multiply the known rows by it, inverse FFT, formal derivative, FFT, and divide at the missing points.
 * References:
 * <ul>
 * <li>S.-J. Lin, W.-H. Chung, Y. S. Han, "Novel polynomial basis and its application to Reed-Solomon
 * erasure codes", FOCS 2014;</li>
 * <li>S.-J. Lin, T. Y. Al-Naffouri, Y. S. Han, W.-H. Chung, "Novel polynomial basis with fast Fourier
 * transform and its application to Reed-Solomon erasure codes", IEEE Trans. Inf. Theory 62(11), 2016;</li>
 * <li>C. A. Taylor, Leopard-RS (the systematic layout, the error locator by Walsh-Hadamard transform, the
 * Cantor basis in GF(2^16)); D. G. Cantor, "On arithmetical algorithms over finite fields", JCTA 50,
 * 1989.</li>
 * </ul>
 * Our parity bytes are not Leopard's: the field points and the shard byte layout differ.
 *
 * <h2>Shards</h2>
 * A shard is a positive multiple of 128 bytes, read as 16 bit planes of {@code length / 16} bytes: plane i
 * holds bit i of each of the shard's {@code length / 2} symbols, symbol s at bit {@code s % 64} of the
 * little-endian long {@code s / 64} of the plane. Multiplying a whole shard by a constant is then XORs of
 * 64-bit words (bit-sliced, with four-Russians tables), with no per-symbol table lookups. Any byte layout
 * of the payload works, since every symbol column is coded on its own; callers pad shards to the multiple.
 *
 * <h2>What it does not do</h2>
 * Erasure coding corrects missing shards, not wrong ones: a corrupted shard decodes to wrong data without
 * any error. Rows are to be checked against their Merkle proofs before they reach
 * {@link io.zgnode.da.erasure.ReedSolomon#decode(byte[][])}.
 */
@Version("1.0.0")
@Export
package io.zgnode.da.erasure;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
