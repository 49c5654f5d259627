/** The implementation of io.zgnode.ethereum: private to the bundle, free to change. */
package io.zgnode.ethereum.internal;
