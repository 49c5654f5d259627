package io.zgnode.da.rpc;

/** What {@code da_retrieveBlob} answers: the payload (base64) and how many rows were used and rejected. */
public record RetrievedJson(String data, int rowsFetched, int rowsRejected) {
}
