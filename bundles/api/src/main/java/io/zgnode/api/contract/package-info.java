/**
 * Native contracts: code shipped in bundles, called by transactions as Solidity contracts are.
 * <p>
 * A bundle registers a {@link io.zgnode.api.contract.NativeContract} service. Its public methods
 * annotated with {@link io.zgnode.api.contract.ContractFunction} are its functions: the ledger
 * matches the call's selector, decodes the ABI arguments into the Java parameter types, meters
 * gas, runs the method inside the block's atomic batch and ABI-encodes what it returns. Events go
 * to the receipt as Ethereum logs. A {@link io.zgnode.api.contract.RevertException} rolls back
 * every change of the call and returns its revert data.
 * <p>
 * Type mapping: {@code uintN/intN} - {@code BigInteger} (or {@code long}/{@code int} where the
 * value fits); {@code address} - {@link io.zgnode.api.chain.Address}; {@code bool} -
 * {@code boolean}; {@code bytesN}, {@code bytes} - {@code byte[]}; {@code string} -
 * {@code String}; {@code T[]}, {@code T[k]} - {@code List<T>}; tuples - records whose components
 * are, in order, the tuple's.
 * <p>
 * Execution must be deterministic: no wall clock, no randomness, no floating point, no iteration
 * over unordered collections; state only through {@link io.zgnode.api.contract.CallContext#state()}.
 */
@Version("1.1.0")
@Export
package io.zgnode.api.contract;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
