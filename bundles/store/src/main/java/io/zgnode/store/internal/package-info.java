/**
 * The MapDB-backed implementation of {@link io.zgnode.api.store.KeyValueStore}. Private: nothing
 * here is exported; other bundles see only the API service.
 */
package io.zgnode.store.internal;
