package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lightning's form of the batch rung, read from the head of the recorded H200 traceback and its last line only
 * (h200/oom_lightning.log, h200/README.md): the whole 13 KB log costs a quarter of a second a diagnosis, which PIT
 * paid once for every surviving mutant of the report's classes; RealH200TracesTest keeps the whole log in surefire.
 */
class LightningBatchRungTest {
    /** The traceback's first 13 lines (the script and Lightning's trainer frames) and the out-of-memory line. */
    private static LogText headAndMessage() {
        List<String> lines = Fixtures.text("h200/oom_lightning.log").lines().toList();
        int start = lines.indexOf("Traceback (most recent call last):");
        List<String> kept = new ArrayList<>(lines.subList(start, start + 13));
        kept.add(lines.stream().filter(l -> l.startsWith("torch.OutOfMemoryError")).findFirst().orElseThrow());
        return LogText.of(String.join("\n", kept) + "\n");
    }

    @Test
    void underLightningTheFirstRungHalvesTheDataLoadersBatchAndDoublesTheTrainersAccumulation() {
        // the recording ran batch 96 (h200/README.md); the log does not print it, the user's words do
        Report r = EvidenceGatherer.from(headAndMessage()).userText("Lightning run at batch size 96").gather()
                .diagnose(new Diagnoser());
        assertEquals("DataLoader(dataset, batch_size=48)\nTrainer(accumulate_grad_batches=2)",
                r.fixes().get(0).after());
    }
}
