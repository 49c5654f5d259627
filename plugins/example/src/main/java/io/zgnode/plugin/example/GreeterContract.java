package io.zgnode.plugin.example;

import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.zgnode.api.chain.Address;
import io.zgnode.api.contract.CallContext;
import io.zgnode.api.contract.ContractEvent;
import io.zgnode.api.contract.ContractFunction;
import io.zgnode.api.contract.NativeContract;
import io.zgnode.api.contract.RevertException;

/**
 * A native contract shipped in a plugin: wallets and libraries call it as they would a Solidity
 * contract with this interface:
 * <pre>
 * event Greeted(address indexed from, string greeting, uint256 count);
 * function greet(string greeting) external;               // reverts on an empty greeting
 * function lastGreeting() external view returns (string);
 * function greetings() external view returns (uint256);
 * </pre>
 * Its state lives in the chain's state (part of the state root), not in this object.
 */
@Component(service = NativeContract.class, configurationPid = GreeterContract.PID)
@Designate(ocd = GreeterContract.Config.class)
public class GreeterContract implements NativeContract {

    static final String PID = "io.zgnode.plugin.example.greeter";
    static final ContractEvent GREETED = ContractEvent.of("Greeted(address indexed from, string greeting, uint256 count)");
    private static final int MAX_GREETING_BYTES = 280;
    private static final byte[] LAST = {'l'};
    private static final byte[] COUNT = {'c'};

    @ObjectClassDefinition(name = "example greeter contract")
    public @interface Config {
        @AttributeDefinition(description = "the contract's address")
        String address() default "0x000000000000000000000000000000000000e0e0";
    }

    private final Address address;

    @Activate
    public GreeterContract(Config config) {
        this.address = Address.of(config.address());
    }

    @Override
    public Address address() {
        return address;
    }

    @Override
    public String name() {
        return "Greeter";
    }

    @ContractFunction("greet(string)")
    public void greet(CallContext ctx, String greeting) {
        byte[] bytes = greeting.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_GREETING_BYTES) {
            throw new RevertException("a greeting is 1 to " + MAX_GREETING_BYTES + " bytes");
        }
        long count = greetings(ctx) + 1;
        ctx.state().put(LAST, bytes);
        ctx.state().put(COUNT, Long.toString(count).getBytes(StandardCharsets.US_ASCII));
        ctx.emit(GREETED, ctx.caller(), greeting, count);
    }

    @ContractFunction(value = "lastGreeting()", returns = "string", view = true)
    public String lastGreeting(CallContext ctx) {
        byte[] last = ctx.state().get(LAST);
        return last == null ? "" : new String(last, StandardCharsets.UTF_8);
    }

    @ContractFunction(value = "greetings()", returns = "uint256", view = true)
    public long greetings(CallContext ctx) {
        byte[] count = ctx.state().get(COUNT);
        return count == null ? 0 : Long.parseLong(new String(count, StandardCharsets.US_ASCII));
    }
}
