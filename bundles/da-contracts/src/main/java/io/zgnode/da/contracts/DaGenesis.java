package io.zgnode.da.contracts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.zgnode.api.chain.Address;

/**
 * The genesis's {@code "modules": {"da": {...}}}: where the two DA contracts live, the blob shape
 * ({@code dataRows} of {@code totalRows} rows: a quorum has {@code totalRows} row slots), the epoch
 * length in blocks, the least stake a signer registers with, and the signers the chain starts
 * with. Every node reads the same genesis, so every node runs the same contracts with the same
 * rules. Absent keys take the defaults below (documented in the README); a present key with a bad
 * value is refused, naming the key. Other keys are left to other DA modules.
 *
 * @param epochBlocks blocks per epoch: block {@code b} is in epoch {@code b / epochBlocks}
 * @param minStake the least stake (wei) of a registration; genesis signers need it too
 * @param signers the genesis signers, each a signer from epoch 0
 */
public record DaGenesis(Address registry, Address entrance, int dataRows, int totalRows, long epochBlocks, BigInteger minStake,
        List<GenesisSigner> signers) {

    public static final String MODULE = "da";
    public static final Address DEFAULT_REGISTRY = Address.of("0x0000000000000000000000000000000000000da0");
    public static final Address DEFAULT_ENTRANCE = Address.of("0x0000000000000000000000000000000000000da1");
    /** 0G's shape: 1024 data rows extended to 3072. */
    public static final int DEFAULT_DATA_ROWS = 1024;
    public static final int DEFAULT_TOTAL_ROWS = 3072;
    /** The most rows a blob can have: the erasure code's field has 65,536 points. */
    public static final int MAX_ROWS = 1 << 16;
    public static final long DEFAULT_EPOCH_BLOCKS = 1000;
    /** One of the native token. */
    public static final BigInteger DEFAULT_MIN_STAKE = BigInteger.TEN.pow(18);

    private static final String PATH = "genesis modules." + MODULE;
    private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    public DaGenesis {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(entrance, "entrance");
        Objects.requireNonNull(minStake, "minStake");
        signers = List.copyOf(signers);
        if (registry.equals(entrance)) {
            throw new IllegalArgumentException(PATH + ": registry and entrance are both " + registry + "; they must differ");
        }
        if (registry.equals(Address.ZERO) || entrance.equals(Address.ZERO)) {
            throw new IllegalArgumentException(PATH + ": the zero address cannot hold a contract");
        }
        if (dataRows < 1 || totalRows > MAX_ROWS || dataRows >= totalRows) {
            throw new IllegalArgumentException(PATH + ".dataRows and totalRows need 1 <= dataRows < totalRows <= " + MAX_ROWS + ", got "
                    + dataRows + " and " + totalRows);
        }
        if (epochBlocks < 1) {
            throw new IllegalArgumentException(PATH + ".epochBlocks must be at least 1, got " + epochBlocks);
        }
        if (minStake.signum() <= 0 || minStake.compareTo(MAX_UINT256) > 0) {
            throw new IllegalArgumentException(PATH + ".minStake must be a positive uint256 (wei), got " + minStake);
        }
        Set<Address> seen = new HashSet<>();
        for (int i = 0; i < signers.size(); i++) {
            GenesisSigner signer = signers.get(i);
            String name = PATH + ".signers[" + i + "]";
            if (!seen.add(signer.address())) {
                throw new IllegalArgumentException(name + ".address " + signer.address() + " is named twice");
            }
            if (signer.stake().compareTo(minStake) < 0 || signer.stake().compareTo(MAX_UINT256) > 0) {
                throw new IllegalArgumentException(name + ".stake must be a uint256 of at least minStake (" + minStake + " wei), got "
                        + signer.stake());
            }
        }
    }

    /**
     * Reads the DA section (the map {@code Chain.genesisParameters("da")} gives; empty for the defaults).
     *
     * @throws IllegalArgumentException naming the key whose value is bad
     */
    public static DaGenesis of(Map<String, Object> section) {
        GenesisSection da = new GenesisSection(PATH, section);
        BigInteger minStake = da.wholeNumber("minStake", DEFAULT_MIN_STAKE, BigInteger.ONE, MAX_UINT256);
        List<GenesisSigner> signers = new ArrayList<>();
        for (GenesisSection signer : da.sections("signers")) {
            signers.add(signer(signer, minStake));
        }
        return new DaGenesis(da.address("registry", DEFAULT_REGISTRY), da.address("entrance", DEFAULT_ENTRANCE),
                (int) da.longValue("dataRows", DEFAULT_DATA_ROWS, 1, MAX_ROWS - 1), (int) da.longValue("totalRows", DEFAULT_TOTAL_ROWS, 2, MAX_ROWS),
                da.longValue("epochBlocks", DEFAULT_EPOCH_BLOCKS, 1, Long.MAX_VALUE), minStake, signers);
    }

    /** A signer's entry: {@code address} and {@code socket} are required, {@code stake} defaults to {@code minStake}. */
    private static GenesisSigner signer(GenesisSection entry, BigInteger minStake) {
        if (!entry.has("address")) {
            throw entry.bad("address", "is missing");
        }
        Address address = entry.address("address", null);
        BigInteger stake = entry.wholeNumber("stake", minStake, minStake, MAX_UINT256);
        String socket = entry.string("socket", "");
        try {
            Signer.checkSocket(socket);
        } catch (IllegalArgumentException e) {
            throw entry.bad("socket", "is wrong: " + e.getMessage());
        }
        return new GenesisSigner(address, stake, socket);
    }

    /** The block's epoch. */
    public long epochOf(long blockNumber) {
        if (blockNumber < 0) {
            throw new IllegalArgumentException("a block number cannot be negative: " + blockNumber);
        }
        return blockNumber / epochBlocks;
    }

    /** The genesis signer with this address, if there is one. */
    public Optional<GenesisSigner> genesisSigner(Address address) {
        return signers.stream().filter(signer -> signer.address().equals(address)).findFirst();
    }
}
