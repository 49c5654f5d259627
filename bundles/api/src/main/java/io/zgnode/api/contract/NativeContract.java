package io.zgnode.api.contract;

import io.zgnode.api.chain.Address;

/** A native contract: register one as a service; see the package documentation. */
@org.osgi.annotation.versioning.ConsumerType
public interface NativeContract {

    /** The contract's address; it must not change while the service is registered. */
    Address address();

    /** A short name for listings, e.g. {@code Flow}. */
    default String name() {
        return getClass().getSimpleName();
    }
}
