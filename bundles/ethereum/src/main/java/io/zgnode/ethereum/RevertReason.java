package io.zgnode.ethereum;

import io.zgnode.ethereum.internal.AbiEncoder;
import java.util.List;
import java.util.Optional;

/**
 * Revert reasons as Solidity's {@code revert("...")} and {@code require(cond, "...")} write them:
 * the ABI encoding of {@code Error(string)}, selector {@code 0x08c379a0}.
 */
public final class RevertReason {
    /** {@code Error(string)}. */
    public static final AbiFunction ERROR = AbiFunction.parse("Error(string)");

    private RevertReason() {
    }

    /**
     * The revert data for {@code reason}.
     *
     * @throws IllegalArgumentException if the reason is not encodable (an unpaired surrogate)
     */
    public static byte[] encode(String reason) {
        return AbiEncoder.encode(ERROR.selector(), AbiType.tuple(AbiType.STRING), List.of(reason));
    }

    /**
     * The reason in revert data, if the data is a well-formed {@code Error(string)}; empty for
     * anything else (no data, a custom error, a {@code Panic(uint256)}, malformed data).
     */
    public static Optional<String> decode(byte[] revertData) {
        if (revertData == null || revertData.length < AbiFunction.SELECTOR_LENGTH
                || AbiFunction.selectorOf(revertData) != ERROR.selectorAsInt()) {
            return Optional.empty();
        }
        try {
            return Optional.of((String) ERROR.decodeCall(revertData).get(0));
        } catch (AbiException e) {
            return Optional.empty();
        }
    }
}
