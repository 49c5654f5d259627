/** {@code zgnode devnet}: a local network of node processes on loopback, for development and tests. */
package io.zgnode.runtime.devnet;
