/**
 * The two native contracts and the layouts of their state. Private: other modules use the views of
 * io.zgnode.da.contracts. (The classes are public because the ledger calls contracts and binds
 * their tuple records by reflection, and because the views read the state layouts.)
 */
package io.zgnode.da.contracts.internal;
