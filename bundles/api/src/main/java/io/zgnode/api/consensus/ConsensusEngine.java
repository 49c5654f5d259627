package io.zgnode.api.consensus;

import org.osgi.annotation.versioning.ProviderType;

/** A running consensus engine. */
@ProviderType
public interface ConsensusEngine {

    /** A short name: {@code solo}, {@code bft}. */
    String name();

    ConsensusStatus status();
}
