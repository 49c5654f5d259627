package io.zgnode.da.wire;

/** What {@code da_storeRows} answers: the rows held of the signer's share, and its signature once complete (else null). */
public record StoreReceiptJson(String signer, int held, int needed, String signature) {
}
