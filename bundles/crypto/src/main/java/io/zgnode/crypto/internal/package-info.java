/** Implementation details of io.zgnode.crypto; not exported. */
package io.zgnode.crypto.internal;
