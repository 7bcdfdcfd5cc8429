package io.oomdoc.evidence.trace;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How far the run got, read from a training log's counters and the reporter's words (sources in the comments). */
class StepCountTest {
    @Test
    void aProgressCounterSaysHowFarTheRunGot() {
        // harvardnlp/seq2seq-attn#65: the progress lines of the training log
        String log = "> Epoch: 1, Batch: 4800/15072, Batch size: 64, LR: 1.0000, PPL: 246.53, |Param|: 690.31\n"
                + "> Epoch: 1, Batch: 4850/15072, Batch size: 64, LR: 1.0000, PPL: 244.21, |Param|: 691.18\n";
        assertEquals(4850, new TraceAnalyzer().analyze(LogText.of(log)).iteration());
    }

    @Test
    void anOpenMmLabLogSaysTheIterationWithinTheEpoch() {
        // open-mmlab/mmdetection#1511: the last log line before the run stopped
        String log = "2019-10-07 07:48:43,181 - INFO - Epoch [1][1950/3107]\tlr: 0.00125, eta: 4:56:24, time: 0.564, "
                + "data_time: 0.117, memory: 4101, loss_rpn_cls: 0.0957, loss: 0.3882\n";
        assertEquals(1950, new TraceAnalyzer().analyze(LogText.of(log)).iteration());
        // mmengine's form names the loop: "Epoch(train) [3][ 50/120]"
        assertEquals(50, new TraceAnalyzer().analyze(LogText.of("Epoch(train) [3][ 50/120]  lr: 1e-4")).iteration());
    }

    @Test
    void aSingularStepCountInProseIsAPlaceInTheRun() {
        // the same report's words: "after 4800 batch" (singular) still dates the failure
        assertEquals(4800, new TraceAnalyzer().analyze(LogText.of("At the beginning, it works well. However, after "
                + "4800 batch, it threw an error about out of memory.")).iteration());
    }

    @Test
    void aBatchSizeIsASettingNotACountOfBatches() {
        // ultralytics/yolov5#2510
        assertNull(new TraceAnalyzer().analyze(LogText.of("I only train with batch-size = 4 but too slow. Before it, "
                + "i can train with batch-size = 16")).iteration());
        assertNull(new TraceAnalyzer().analyze(LogText.of("It runs out of memory for 32 batch size")).iteration());
    }

    @Test
    void aBatchStatedWithItsSequenceLengthIsTheSetupNotAStep() throws Exception {
        // recorded on an H200 (h200/oom_train.log): "params 1.24B, batch 32, seq 4096, bf16 autocast", then the OOM
        String log = java.nio.file.Files.readString(io.oomdoc.Fixtures.path("h200/oom_train.log"));
        assertNull(new TraceAnalyzer().analyze(LogText.of(log)).iteration());
    }
    @Test
    void aBatchListedAmongTheSettingsIsItsSizeNotAStep() {
        // the title of conversations_heldout5/F27 (Lepard, a DataLoader worker killed): "batch 2" is the batch size
        assertNull(new TraceAnalyzer().analyze(LogText.of("Lepard: the DataLoader worker is killed after a while with "
                + "4 workers, batch 2, a TITAN and 72 GB of RAM")).iteration());
    }

    @Test
    void aQualifiedBatchIsItsSizeEvenBesideTheWordStep() throws Exception {
        // deepspeedai/DeepSpeed#5507 retold (traces/SOURCES.md): "per-device batch 4 ... the first optimizer step"
        LogText log = io.oomdoc.Fixtures.log("traces/prose-deepspeed-5507-llama2-7b-zero3-per-device-batch-4.txt");
        assertNull(new TraceAnalyzer().analyze(log).iteration());
    }

    @Test
    void aBareBatchCounterOnALineTheLoopPrintedIsAStep() {
        // harvardnlp/seq2seq-attn#65's progress line without its total: the loss and the rate beside it date the run
        assertEquals(4850, new TraceAnalyzer().analyze(LogText.of("> Epoch: 1, Batch 4850, LR: 1.0000, PPL: 244.21"))
                .iteration());
        // the reporter's words "after batch 4800" date it too
        assertEquals(4800, new TraceAnalyzer().analyze(LogText.of("it threw out of memory after batch 4800"))
                .iteration());
    }

    /** The reporter's description of a labelled report, read as the diagnosis reads it with the paste. */
    private static Integer iterationInDescription(String id) {
        var c = io.oomdoc.corpus.Corpus.inAllOrBurned(id).orElseThrow();
        return new TraceAnalyzer().analyze(LogText.of(c.context())).iteration();
    }

    @Test
    void aRoundedStepCountInProseIsAPlaceInTheRun() {
        // deepfakes/faceswap#807 (heldout24): "batch 64, ... after about 129,400 iterations the tool reports a crash"
        assertEquals(129_400, iterationInDescription("faceswap-807-crash-after-129k-iterations"));
        // CorentinJ/Real-Time-Voice-Cloning#587 (heldout18): "with batch 32: ... after about 30 steps on average"
        assertEquals(30, iterationInDescription("rtvc-587-synth-padded-long-utterances"));
    }

    @Test
    void aBatchSharedOutPerGpuIsItsSizeNotAStep() {
        // autonomousvision/gansformer#33 (heldout36): "at 1024x1024 on one V100 with batch 1 per GPU"
        assertNull(iterationInDescription("gansformer-33-1024-snapshot-host-ram"));
        // the same form on a line that also says "loss": a sentence about the setup, not a loop's counter
        assertNull(new TraceAnalyzer().analyze(LogText.of("ViT-L on 8 A100s with DDP, batch 64 per gpu; I keep the "
                + "loss of every step in a list")).iteration());
    }
}
