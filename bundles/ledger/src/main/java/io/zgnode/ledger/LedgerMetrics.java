package io.zgnode.ledger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.chain.BlockHeader;
import io.zgnode.api.metrics.MetricSource;
import io.zgnode.api.metrics.MetricWriter;

/** The chain on the metrics page: head, its gas and transactions, the pool, the base fee. */
@Component(service = MetricSource.class)
public class LedgerMetrics implements MetricSource {

    private final Ledger ledger;

    @Activate
    public LedgerMetrics(@Reference Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void collect(MetricWriter out) {
        BlockHeader head = ledger.head();
        out.gauge("zgnode_chain_height", "Number of the last committed block", head.number());
        out.gauge("zgnode_chain_head_gas_used", "Gas used by the last committed block", head.gasUsed());
        out.gauge("zgnode_chain_head_timestamp_seconds", "Timestamp of the last committed block", head.timestamp());
        out.gauge("zgnode_chain_base_fee_wei", "Base fee of the next block", ledger.nextBaseFee().doubleValue());
        out.gauge("zgnode_pool_transactions", "Transactions waiting in the pool", ledger.size());
    }
}
