package io.oomdoc.evidence.gpu;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Processes of a saved --query-compute-apps CSV (no index column) land on their GPU by uuid or bus id. */
class SmiCsvJoinTest {
    @Test
    void processesAreListedUnderTheirOwnCardByBusId() {
        GpuState s = NvidiaSmiText.parse(Fixtures.text("nvidia_smi/09_node-h100-h200-query-and-apps-csv.txt"), "file");
        assertEquals(3, s.gpus().get(0).processes().size());
        assertEquals(3, s.gpus().get(1).processes().size());
        assertEquals(10309, s.gpus().get(1).processes().get(2).pid());
        // memory in use that no listed process explains: 19818 - (2566 + 1542 + 15690) MiB on the H100
        assertEquals(20L << 20, s.gpus().get(0).unattributedBytes());
    }

    @Test
    void busIdsWithAndWithoutTheLongDomainAreTheSameSlot() {
        assertEquals(SmiCsvJoin.busKey("00000000:83:00.0"), SmiCsvJoin.busKey("0000:83:00.0"));
        assertNotEquals(SmiCsvJoin.busKey("00000000:83:00.0"), SmiCsvJoin.busKey("00000000:00:09.0"));
    }
}
