/**
 * The cryptography every zgnode module shares: Keccak-256 and Blake2b hashing, Ethereum accounts
 * on secp256k1 (keys, signatures, address recovery, BIP-32/39/44 derivation, v3 key files), and
 * Ed25519 / X25519 keys for node identities and peer sessions. Built on BouncyCastle.
 *
 * <p>Conventions across the package:
 * <ul>
 * <li>Every static function is safe to call from any number of threads; value types are immutable
 * and hand out copies of their bytes. {@link io.zgnode.crypto.Keccak256.Hasher} is the one
 * stateful type, owned by one thread at a time.</li>
 * <li>Malformed arguments (wrong lengths, out-of-range keys, bad hex) throw
 * {@link java.lang.IllegalArgumentException}. Untrusted material that is well-formed but fails a
 * cryptographic check throws a checked exception ({@link io.zgnode.crypto.InvalidSignatureException},
 * {@link io.zgnode.crypto.KeyFileException}, {@link java.security.InvalidKeyException}), so a caller
 * handling network input cannot forget the case; {@code verify} methods answer {@code false}.</li>
 * <li>No BouncyCastle type appears in the API, so BouncyCastle can be updated without touching
 * the importers of this package.</li>
 * </ul>
 */
@Version("1.1.0")
@Export
package io.zgnode.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
