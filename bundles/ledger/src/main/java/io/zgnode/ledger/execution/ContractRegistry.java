package io.zgnode.ledger.execution;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

import io.zgnode.api.chain.Address;
import io.zgnode.api.contract.NativeContract;

/**
 * The native contracts the node runs, by address, as services come and go. Lookups see a
 * consistent map (copy on write); a contract whose declarations are wrong, or whose address is
 * taken, is refused with one log line and not served.
 */
public final class ContractRegistry {

    private static final Logger LOG = Logger.getLogger(ContractRegistry.class.getName());

    private volatile Map<Address, ContractBinding> contracts = Map.of();

    public synchronized void add(NativeContract contract) {
        ContractBinding binding;
        try {
            binding = ContractBinding.of(contract);
        } catch (IllegalArgumentException e) {
            LOG.severe("native contract " + contract.name() + " refused: " + e.getMessage());
            return;
        }
        Address address = contract.address();
        ContractBinding existing = contracts.get(address);
        if (existing != null && existing.contract() != contract) {
            LOG.severe("native contract " + contract.name() + " refused: " + address + " is taken by " + existing.contract().name());
            return;
        }
        Map<Address, ContractBinding> next = new TreeMap<>(contracts);
        next.put(address, binding);
        contracts = Map.copyOf(next);
        LOG.info("native contract " + contract.name() + " at " + address + " (" + binding.functionCount() + " functions)");
    }

    public synchronized void remove(NativeContract contract) {
        ContractBinding existing = contracts.get(contract.address());
        if (existing != null && existing.contract() == contract) {
            Map<Address, ContractBinding> next = new TreeMap<>(contracts);
            next.remove(contract.address());
            contracts = Map.copyOf(next);
        }
    }

    Optional<ContractBinding> get(Address address) {
        return Optional.ofNullable(contracts.get(address));
    }

    public boolean isContract(Address address) {
        return contracts.containsKey(address);
    }

    /** Name by address, in address order. */
    public Map<Address, String> names() {
        Map<Address, String> names = new TreeMap<>();
        contracts.forEach((address, binding) -> names.put(address, binding.contract().name()));
        return names;
    }
}
