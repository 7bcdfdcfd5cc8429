package io.oomdoc.protocol;

import io.oomdoc.evidence.gpu.GpuState;
import io.oomdoc.evidence.gpu.NvidiaSmiText;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GPU state reduced to the card the report reads. Real nvidia-smi captures in nvidia_smi/ (sources and figures in
 * its expected.json: utkuozdemir/nvidia_gpu_exporter's captures and a node with an H100 and an H200).
 */
class GpuEvidenceTest {
    private static final Path DIR = Path.of("src/test/resources/nvidia_smi");

    private static GpuState state(String file) throws Exception {
        return NvidiaSmiText.parse(Files.readString(DIR.resolve(file)), "file");
    }

    @Test
    void aTableGivesTheCardsTotalUseAndTheProcessesItLists() throws Exception {
        Evidence.GpuSnapshot g = GpuEvidence.from(state("03_h200-590-load.txt"), null);
        assertEquals(150754820096L, g.totalBytes());
        assertEquals(33934016512L, g.usedBytes());
        assertEquals(2690646016L + 1616904192L + 29605494784L, g.listedProcessBytes());
        assertEquals(3, g.processCount());
        assertFalse(g.mig());
        assertEquals("file", g.source());
        assertFalse(g.summary().isBlank());
    }

    @Test
    void aMigCardIsMarked() throws Exception {
        assertTrue(GpuEvidence.from(state("02_h200-mig-590-load.txt"), null).mig());
    }

    @Test
    void theFailingGpusIndexPicksItsCardOnANode() throws Exception {
        GpuState node = state("09_node-h100-h200-query-and-apps-csv.txt");
        Evidence.GpuSnapshot h200 = GpuEvidence.from(node, 1);
        assertEquals(150754820096L, h200.totalBytes());
        assertEquals(2690646016L + 1616904192L + 29605494784L, h200.listedProcessBytes());
        Evidence.GpuSnapshot h100 = GpuEvidence.from(node, 0);
        assertEquals(85520809984L, h100.totalBytes());
        assertEquals(2690646016L + 1616904192L + 16452157440L, h100.listedProcessBytes());
        assertEquals(85520809984L, GpuEvidence.from(node, null).totalBytes(), "no index: the first card");
        assertEquals(85520809984L, GpuEvidence.from(node, 7).totalBytes(), "an index the node lacks: the first");
    }

    @Test
    void aCardWithoutProcessesListsNone() throws Exception {
        Evidence.GpuSnapshot g = GpuEvidence.from(state("01_rtx2080s-wddm-610-load.txt"), null);
        assertEquals(0, g.listedProcessBytes());
        assertEquals(0, g.processCount());
        assertEquals(1432354816L, g.usedBytes());
    }

    @Test
    void processesAloneWithoutACardAreNoGpuEvidence() throws Exception {
        assertNull(GpuEvidence.from(state("04_h200-apps-csv-590-load.txt"), null));
        assertNull(GpuEvidence.from(null, null));
    }

    @Test
    void aTablePastedIntoALogIsFoundAndPlainTextIsNot() throws Exception {
        String log = "epoch 3 done\n" + Files.readString(DIR.resolve("03_h200-590-load.txt")) + "\nTraceback ...";
        GpuState pasted = GpuEvidence.pasted(log).orElseThrow();
        assertEquals("pasted nvidia-smi", pasted.source());
        assertEquals(150754820096L, GpuEvidence.from(pasted, 0).totalBytes());
        assertTrue(GpuEvidence.pasted("epoch 3 done, loss 0.4").isEmpty());
        assertTrue(GpuEvidence.pasted(null).isEmpty());
    }
}
