package io.zgnode.runtime.cli.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.Hex;
import io.zgnode.storage.merkle.FileMerkle;
import io.zgnode.storage.merkle.Submission;

/** The Flow ABI as the official SDK 1.2.8 calls it (selectors and topic from ZG-PROTOCOL.md), and the SDK's fee. */
class FlowContractTest {

    @Test
    void selectorsAndTheSubmitTopicAreZeroGs() {
        assertThat(Hex.encode(FlowContract.SUBMIT.selector())).isEqualTo("0xbc8c11f8");
        assertThat(Hex.encode(FlowContract.MARKET.selector())).isEqualTo("0x80f55605");
        assertThat(Hex.encode(FlowContract.PRICE_PER_SECTOR.selector())).isEqualTo("0x61ec5082");
        assertThat(FlowContract.SUBMIT_EVENT.topic0().toString()).isEqualTo("0x167ce04d2aa1981994d3a31695da0d785373335b1078cec239a1a3a2c7675555");
    }

    @Test
    void theFeeIsTheSubmissionsSectorsAtThePrice() {
        Submission submission = FileMerkle.sequential().of(new byte[262_145]).submission();
        // 1025 chunks are padded to 1152 sectors: nodes of height 10 and 7
        assertThat(FlowContract.fee(submission, BigInteger.TEN)).isEqualTo(BigInteger.valueOf(11_520));
    }

    @Test
    void theCallCarriesTheSubmissionAndTheSubmitter() {
        Submission submission = FileMerkle.sequential().of(new byte[262_145]).submission();
        Address submitter = Address.of("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        List<Object> arguments = FlowContract.SUBMIT.decodeCall(FlowContract.calldata(submission, submitter));
        List<?> tuple = (List<?>) arguments.get(0);
        List<?> data = (List<?>) tuple.get(0);
        assertThat(data.get(0)).isEqualTo(BigInteger.valueOf(262_145));
        assertThat((List<?>) data.get(2)).hasSize(2);
        assertThat(tuple.get(1)).isEqualTo(submitter);
    }
}
