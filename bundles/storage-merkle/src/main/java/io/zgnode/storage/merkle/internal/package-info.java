/** Implementation of io.zgnode.storage.merkle: tree levels, segment hashing, the reading pipeline. Private: not exported. */
package io.zgnode.storage.merkle.internal;
