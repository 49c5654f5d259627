package io.zgnode.api.contract;

/** The gas the ledger charges for what native contracts do, so that authors can plan. */
public final class Gas {

    /** Every transaction. */
    public static final long TRANSACTION = 21_000;
    /** Per zero byte of calldata. */
    public static final long CALLDATA_ZERO_BYTE = 4;
    /** Per non-zero byte of calldata. */
    public static final long CALLDATA_BYTE = 16;
    /** Per access list address (EIP-2930). */
    public static final long ACCESS_LIST_ADDRESS = 2_400;
    /** Per access list storage key (EIP-2930). */
    public static final long ACCESS_LIST_KEY = 1_900;
    /** A contract function call, before what it does. */
    public static final long CALL = 700;
    /** Reading one key of contract state. */
    public static final long STATE_READ = 800;
    /** Writing one key of contract state, plus {@link #STATE_BYTE} per byte written. */
    public static final long STATE_WRITE = 5_000;
    /** Per byte of a key and value written. */
    public static final long STATE_BYTE = 16;
    /** Per entry read by a scan. */
    public static final long STATE_SCAN_ENTRY = 400;
    /** A log, plus {@link #LOG_TOPIC} per topic and {@link #LOG_BYTE} per data byte (as the EVM). */
    public static final long LOG = 375;
    public static final long LOG_TOPIC = 375;
    public static final long LOG_BYTE = 8;
    /** A value transfer from a contract. */
    public static final long TRANSFER = 9_000;

    private Gas() {
    }
}
