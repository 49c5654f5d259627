package io.zgnode.consensus.bft;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Address;
import io.zgnode.api.chain.Chain;
import io.zgnode.api.consensus.Validator;
import io.zgnode.consensus.bft.core.ValidatorSet;
import io.zgnode.crypto.Hex;

/**
 * The genesis document's {@code validators}, {@code [{address, power, publicKey}]}, for every
 * height.
 */
public final class GenesisValidators implements ValidatorSetSource {

    private final ValidatorSet set;

    GenesisValidators(ValidatorSet set) {
        this.set = set;
    }

    /**
     * @throws IllegalArgumentException with one line saying what is missing or wrong
     */
    public static GenesisValidators of(Chain chain) {
        return new GenesisValidators(ValidatorSet.of(parse(chain.genesis().get("validators"))));
    }

    static List<Validator> parse(Object validators) {
        if (!(validators instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("the genesis lists no validators: BFT consensus needs \"validators\": [{address, power, publicKey}]");
        }
        List<Validator> parsed = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "genesis validators[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException(at + " is not an object");
            }
            if (!(entry.get("address") instanceof String address)) {
                throw new IllegalArgumentException(at + " has no address");
            }
            if (!(entry.get("publicKey") instanceof String key)) {
                throw new IllegalArgumentException(at + " (" + address + ") has no publicKey: BFT consensus needs each validator's Ed25519 key");
            }
            byte[] publicKey;
            try {
                publicKey = Hex.decode(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ".publicKey: " + e.getMessage());
            }
            if (publicKey.length != 32) {
                throw new IllegalArgumentException(at + ".publicKey must be 32 bytes (Ed25519)");
            }
            parsed.add(new Validator(Address.of(address), publicKey, power(entry.get("power"), at)));
        }
        return parsed;
    }

    private static long power(Object value, String at) {
        if (value == null) {
            return 1;
        }
        try {
            BigInteger power = value instanceof Number number ? new BigInteger(number.toString())
                    : value.toString().startsWith("0x") ? new BigInteger(value.toString().substring(2), 16) : new BigInteger(value.toString());
            return power.longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(at + ".power is not a whole number that fits 63 bits: " + value);
        }
    }

    @Override
    public ValidatorSet at(long height) {
        return set;
    }
}
