/**
 * The BFT engine as the framework sees it: the component, its configuration, block encoding and
 * block sync, the genesis validator set. Private, as every implementation package; the algorithm
 * and its safety argument are in {@link io.zgnode.consensus.bft.core}.
 */
package io.zgnode.consensus.bft;
