/** The engine's JSON-RPC methods: commit certificates and equivocation evidence. Private. */
package io.zgnode.consensus.bft.rpc;
