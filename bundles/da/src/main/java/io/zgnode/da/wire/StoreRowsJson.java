package io.zgnode.da.wire;

import java.util.List;

/** The argument of {@code da_storeRows}: rows of one blob for one signer of one quorum. */
public record StoreRowsJson(String dataRoot, long epoch, int quorumId, int rowBytes, List<RowJson> rows) {
}
