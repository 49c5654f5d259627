package io.zgnode.da.rpc;

/** What {@code da_signerInfo} answers: this signer, whether the chain knows it, what it holds. */
public record SignerInfoJson(String address, boolean registered, long epoch, int blobs, long rowsHeld, long bytesHeld, long rowsRefused) {
}
