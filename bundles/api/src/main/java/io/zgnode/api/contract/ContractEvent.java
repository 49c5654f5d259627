package io.zgnode.api.contract;

import java.util.Objects;

/**
 * An event a contract emits, declared as in Solidity:
 * {@code Transfer(address indexed from, address indexed to, uint256 value)}. Parameter names are
 * optional; {@code indexed} parameters become topics, the rest the log's data. Topic 0 is the
 * Keccak-256 of the canonical signature ({@code Transfer(address,address,uint256)}).
 */
public final class ContractEvent {

    private final String declaration;

    private ContractEvent(String declaration) {
        this.declaration = Objects.requireNonNull(declaration, "declaration");
    }

    public static ContractEvent of(String declaration) {
        return new ContractEvent(declaration);
    }

    public String declaration() {
        return declaration;
    }

    @Override
    public String toString() {
        return declaration;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContractEvent event && event.declaration.equals(declaration);
    }

    @Override
    public int hashCode() {
        return declaration.hashCode();
    }
}
