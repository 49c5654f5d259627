package io.zgnode.da.contracts.internal;

import java.math.BigInteger;

import io.zgnode.api.chain.Address;
import io.zgnode.api.contract.ContractEvent;

/**
 * The two contracts' functions and events as Solidity declares them (the interfaces are written out
 * in io.zgnode.da.contracts' package documentation), shared by the contracts and the calls clients
 * make, and the records their tuples bind to.
 */
public final class DaAbi {

    public static final String REGISTER_SIGNER = "registerSigner(string)";
    public static final String UPDATE_SOCKET = "updateSocket(string)";
    public static final String EPOCH_NUMBER = "epochNumber()";
    public static final String IS_SIGNER = "isSigner(address)";
    public static final String QUORUM_COUNT = "quorumCount(uint256)";
    public static final String GET_QUORUM = "getQuorum(uint256,uint256)";
    public static final String GET_SIGNER = "getSigner(address[])";
    public static final String SIGNER_INFOS = "(address,string,uint256,uint256)[]";

    public static final String SUBMIT_CERTIFICATE = "submitCertificate(bytes32,uint256,uint256,bytes[])";
    public static final String GET_CERTIFICATE = "getCertificate(bytes32)";
    public static final String CERTIFICATE_ANSWER = "(bool,uint256,uint256,uint256,uint256)";

    public static final ContractEvent NEW_SIGNER = ContractEvent.of("NewSigner(address indexed signer, uint256 stake, string socket)");
    public static final ContractEvent SOCKET_UPDATED = ContractEvent.of("SocketUpdated(address indexed signer, string socket)");
    public static final ContractEvent DATA_CERTIFIED = ContractEvent.of(
            "DataCertified(bytes32 indexed dataRoot, uint256 epoch, uint256 quorumId, uint256 signedRows)");

    private DaAbi() {
    }

    /** One entry of {@code getSigner}'s answer. */
    public record SignerInfo(Address signer, String socket, BigInteger stake, long fromEpoch) {
    }

    /** What {@code getCertificate} answers; all zero when the root is not certified. */
    public record CertificateAnswer(boolean certified, long epoch, long quorumId, long signedRows, long blockNumber) {
    }
}
