/** Implementation of io.zgnode.da.blob: the byte layout of a blob in rows, the row tree, parallel row hashing. Private: not exported. */
package io.zgnode.da.blob.internal;
