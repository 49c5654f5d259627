package io.zgnode.da.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.da.blob.BlobEncoder;
import io.zgnode.da.blob.BlobRow;
import io.zgnode.da.blob.EncodedBlob;
import io.zgnode.da.chain.DaChain;
import io.zgnode.da.contracts.DaGenesis;
import io.zgnode.da.contracts.DaSignatures;
import io.zgnode.da.contracts.Quorum;
import io.zgnode.ledger.Ledger;
import io.zgnode.ledger.genesis.DevGenesis;
import io.zgnode.ledger.genesis.GenesisReader;
import io.zgnode.store.internal.MapDbStore;

/** The signer on a real ledger and store: four genesis signers of equal stake, this one the first. */
class DaSignerTest {

    @TempDir
    Path dir;

    private MapDbStore store;
    private Ledger ledger;
    private DaChain chain;
    private DaSigner signer;
    private Address me;
    private EncodedBlob blob;
    private Quorum quorum;

    @BeforeEach
    void setUp() throws Exception {
        open();
        blob = BlobEncoder.of(chain.shape()).encode(randomBytes(40_000, 7));
        quorum = chain.quorum(0, 0);
    }

    private void open() throws Exception {
        List<Map<String, Object>> signers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> signer = new LinkedHashMap<>();
            signer.put("address", Address.of(DevGenesis.key(i).address()).toString());
            signer.put("stake", "1000000000000000000");
            signer.put("socket", "http://127.0.0.1:" + (9000 + i));
            signers.add(signer);
        }
        store = MapDbStore.open(dir.resolve("store"));
        ledger = Ledger.open(GenesisReader.parse(DevGenesis.json(DevGenesis.document(DevGenesis.DEFAULT_CHAIN_ID, List.of(),
                Map.of(DaGenesis.MODULE, Map.of("signers", signers))))), store);
        chain = new DaChain(ledger, DaGenesis.of(ledger.genesisParameters(DaGenesis.MODULE)));
        PrivateKey key = DevGenesis.key(0);
        me = Address.of(key.address());
        signer = new DaSigner(chain, new RowStore(store, dir.resolve("rows")), Optional.of(new SignerKey(me, key)), 10);
    }

    @AfterEach
    void tearDown() throws Exception {
        ledger.stop();
        store.close();
    }

    @Test
    void signsOnceItHoldsEveryRowTheQuorumGivesIt() throws Exception {
        List<BlobRow> mine = rows(quorum.rowsOf(me));
        assertThat(mine).hasSize(768);

        StoreReceipt first = signer.store(blob.dataRoot(), 0, 0, blob.rowBytes(), mine.subList(0, 500));
        assertThat(first.held()).isEqualTo(500);
        assertThat(first.signature()).as("not all rows yet").isNull();

        StoreReceipt second = signer.store(blob.dataRoot(), 0, 0, blob.rowBytes(), mine.subList(400, 768));
        assertThat(second.held()).isEqualTo(768);
        assertThat(second.needed()).isEqualTo(768);
        assertThat(DaSignatures.recover(second.signature(), DaSignatures.message(DevGenesis.DEFAULT_CHAIN_ID, chain.genesis().entrance(),
                blob.dataRoot(), 0, 0))).contains(me);
        assertThat(signer.rows(blob.dataRoot(), List.of(mine.get(3).index(), otherRow()))).containsExactly(mine.get(3));
    }

    @Test
    void rowsSurviveARestartOfTheStore() throws Exception {
        List<BlobRow> mine = rows(quorum.rowsOf(me));
        signer.store(blob.dataRoot(), 0, 0, blob.rowBytes(), mine);
        tearDown();
        open();
        assertThat(signer.rows().blob(blob.dataRoot()).orElseThrow().held()).isEqualTo(768);
        assertThat(signer.rows(blob.dataRoot(), List.of(mine.get(700).index()))).containsExactly(mine.get(700));
    }

    @Test
    void aBatchWithOneBadRowIsRefusedWholeAndNothingIsStored() {
        List<BlobRow> mine = new ArrayList<>(rows(quorum.rowsOf(me)).subList(0, 10));
        BlobRow good = mine.get(5);
        byte[] flipped = good.data().clone();
        flipped[17] ^= 1;
        mine.set(5, new BlobRow(good.index(), flipped, good.proof()));

        assertThatThrownBy(() -> signer.store(blob.dataRoot(), 0, 0, blob.rowBytes(), mine)).isInstanceOf(InvalidRowsException.class)
                .hasMessageContaining("row " + good.index());
        assertThat(signer.rows().blob(blob.dataRoot())).isEmpty();
        assertThat(signer.refusedRows()).isEqualTo(10);
    }

    @Test
    void rowsOfAnotherSignerAWrongSizeOrAFutureEpochAreRefused() {
        List<BlobRow> theirs = List.of(blob.row(otherRow()));
        assertThatThrownBy(() -> signer.store(blob.dataRoot(), 0, 0, blob.rowBytes(), theirs)).hasMessageContaining("is not signer " + me);

        List<BlobRow> mine = rows(Arrays.copyOf(quorum.rowsOf(me), 3));
        assertThatThrownBy(() -> signer.store(blob.dataRoot(), 0, 0, blob.rowBytes() * 2, mine)).hasMessageContaining("rowBytes");
        assertThatThrownBy(() -> signer.store(blob.dataRoot(), 5, 0, blob.rowBytes(), mine)).hasMessageContaining("has not begun");
        assertThatThrownBy(() -> signer.store(blob.dataRoot(), 0, 0, blob.rowBytes(), List.of())).hasMessageContaining("no rows");
        assertThat(signer.rows().blobs()).isEmpty();
    }

    @Test
    void aNodeWithoutASignerKeyRefusesRows() {
        DaSigner keyless = new DaSigner(chain, signer.rows(), Optional.empty(), 10);
        assertThatThrownBy(() -> keyless.store(blob.dataRoot(), 0, 0, blob.rowBytes(), rows(quorum.rowsOf(me))))
                .hasMessageContaining("not a DA signer");
    }

    private int otherRow() {
        for (int row = 0; row < quorum.totalRows(); row++) {
            if (!quorum.rowSigner(row).equals(me)) {
                return row;
            }
        }
        throw new AssertionError("every row is mine");
    }

    private List<BlobRow> rows(int[] indices) {
        List<BlobRow> rows = new ArrayList<>();
        for (int index : indices) {
            rows.add(blob.row(index));
        }
        return rows;
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
