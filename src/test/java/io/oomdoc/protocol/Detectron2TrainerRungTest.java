package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * detectron2's own trainer, named by its frames (detectron2/engine/train_loop.py) and logger (d2.engine): its batch is
 * SOLVER.IMS_PER_BATCH, the total over all GPUs, never TrainingArguments' (facebookresearch/detectron2#1563, the
 * fixture traces/detectron2-1563-maskrcnn-backward-v100.txt; trial22 defect row 8).
 */
class Detectron2TrainerRungTest {
    @Test
    void aDetectron2TrainingFailureIsFirstToldToHalveSolverImsPerBatch() {
        Report r = EvidenceGatherer.from(LogText.of(Fixtures.text("traces/detectron2-1563-maskrcnn-backward-v100.txt")))
                .gather().diagnose(new Diagnoser());
        assertTrue(r.fixes().get(0).after().contains("cfg.SOLVER.IMS_PER_BATCH"), r.fixes().get(0).after());
    }
}
