package io.zgnode.ledger.rpc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zgnode.api.chain.Block;
import io.zgnode.api.chain.Receipt;
import io.zgnode.api.rpc.RpcException;
import io.zgnode.ledger.Ledger;

/**
 * eth_feeHistory: base fees (with the next block's), how full each block was, and the priority
 * fees paid at the given percentiles of each block's gas (as geth computes them).
 */
final class FeeHistory {

    private static final int MAX_BLOCKS = 1024;

    private FeeHistory() {
    }

    static Map<String, Object> of(Ledger ledger, Object blockCount, Object newestBlock, List<Number> percentiles) {
        long count = Quantities.parseLong(blockCount, "blockCount");
        if (count < 1 || count > MAX_BLOCKS) {
            throw RpcException.invalidParams("blockCount must be 1 to " + MAX_BLOCKS);
        }
        List<Double> rewardPercentiles = new ArrayList<>();
        if (percentiles != null) {
            double previous = -1;
            for (Number p : percentiles) {
                double value = p.doubleValue();
                if (value < 0 || value > 100 || value < previous) {
                    throw RpcException.invalidParams("reward percentiles must rise from 0 to 100");
                }
                rewardPercentiles.add(value);
                previous = value;
            }
        }
        long newest = BlockParameter.resolve(newestBlock, ledger);
        long oldest = Math.max(0, newest - count + 1);
        List<String> baseFees = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<List<String>> rewards = new ArrayList<>();
        for (long number = oldest; number <= newest; number++) {
            Block block = ledger.block(number).orElseThrow(() -> new RpcException(RpcException.SERVER_ERROR, "no block " + newest));
            baseFees.add(Quantities.of(block.header().baseFeePerGas()));
            ratios.add(block.header().gasLimit() == 0 ? 0.0 : (double) block.header().gasUsed() / block.header().gasLimit());
            if (!rewardPercentiles.isEmpty()) {
                rewards.add(rewards(block, ledger.receipts(number), rewardPercentiles));
            }
        }
        baseFees.add(Quantities.of(newest == ledger.head().number() ? ledger.nextBaseFee()
                : ledger.block(newest + 1).orElseThrow().header().baseFeePerGas()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("oldestBlock", Quantities.of(oldest));
        json.put("baseFeePerGas", baseFees);
        json.put("gasUsedRatio", ratios);
        if (!rewardPercentiles.isEmpty()) {
            json.put("reward", rewards);
        }
        return json;
    }

    private static List<String> rewards(Block block, List<Receipt> receipts, List<Double> percentiles) {
        BigInteger baseFee = block.header().baseFeePerGas();
        record Paid(BigInteger tip, long gas) {
        }
        List<Paid> paid = new ArrayList<>();
        for (Receipt receipt : receipts) {
            paid.add(new Paid(receipt.effectiveGasPrice().subtract(baseFee), receipt.gasUsed()));
        }
        paid.sort(Comparator.comparing(Paid::tip));
        List<String> rewards = new ArrayList<>();
        for (double percentile : percentiles) {
            if (paid.isEmpty()) {
                rewards.add("0x0");
                continue;
            }
            double threshold = block.header().gasUsed() * percentile / 100;
            long sum = 0;
            BigInteger reward = paid.get(paid.size() - 1).tip();
            for (Paid p : paid) {
                sum += p.gas();
                if (sum >= threshold) {
                    reward = p.tip();
                    break;
                }
            }
            rewards.add(Quantities.of(reward));
        }
        return rewards;
    }
}
