/**
 * {@code zgnode keys ...}: Ethereum v3 key files (new, show, import), written as geth writes them
 * and read by geth, ethers and MetaMask alike. The reading, writing and password plumbing that
 * other commands share lives in {@link io.zgnode.runtime.cli}.
 */
package io.zgnode.runtime.keys;
