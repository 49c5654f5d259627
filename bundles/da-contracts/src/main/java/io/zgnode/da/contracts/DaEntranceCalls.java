package io.zgnode.da.contracts;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import io.zgnode.api.chain.Hash;
import io.zgnode.da.contracts.internal.DaAbi;
import io.zgnode.ethereum.AbiException;
import io.zgnode.ethereum.AbiFunction;

/** The calldata of calls to the DA entrance, as a disperser or a client sends them, and what they answer. */
public final class DaEntranceCalls {

    private static final AbiFunction SUBMIT_CERTIFICATE = AbiFunction.parse(DaAbi.SUBMIT_CERTIFICATE);
    private static final AbiFunction GET_CERTIFICATE = AbiFunction.parse(DaAbi.GET_CERTIFICATE, DaAbi.CERTIFICATE_ANSWER);

    private DaEntranceCalls() {
    }

    /**
     * {@code submitCertificate(dataRoot, epoch, quorumId, signatures)}: each signature 65 bytes
     * ({@link DaSignatures#sign}).
     *
     * @throws IllegalArgumentException if a number is negative
     */
    public static byte[] submitCertificate(Hash dataRoot, long epoch, int quorumId, List<byte[]> signatures) {
        if (epoch < 0 || quorumId < 0) {
            throw new IllegalArgumentException("epoch and quorum id cannot be negative: " + epoch + ", " + quorumId);
        }
        return SUBMIT_CERTIFICATE.encodeCall(List.of(dataRoot.toArray(), BigInteger.valueOf(epoch), BigInteger.valueOf(quorumId), List.copyOf(signatures)));
    }

    /** {@code getCertificate(dataRoot)}; {@link #certificate} reads its answer. */
    public static byte[] getCertificate(Hash dataRoot) {
        return GET_CERTIFICATE.encodeCall(List.of(dataRoot.toArray()));
    }

    /**
     * The certificate in what {@code getCertificate(dataRoot)} returned; empty when not certified.
     *
     * @throws AbiException if {@code returned} is not an answer of getCertificate
     */
    public static Optional<Certificate> certificate(Hash dataRoot, byte[] returned) {
        List<Object> answer = GET_CERTIFICATE.decodeResult(returned);
        if (!(Boolean) answer.get(0)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Certificate(dataRoot, number(answer.get(1)).longValueExact(), number(answer.get(2)).intValueExact(),
                    number(answer.get(3)).intValueExact(), number(answer.get(4)).longValueExact()));
        } catch (ArithmeticException e) {
            throw new AbiException("getCertificate answered numbers out of range: " + answer);
        }
    }

    private static BigInteger number(Object value) {
        return (BigInteger) value;
    }
}
