/**
 * Implementation of {@link io.zgnode.statetree.StateTree}: the node format, the node cache and
 * the update pass. Private: not exported.
 */
package io.zgnode.statetree.internal;
