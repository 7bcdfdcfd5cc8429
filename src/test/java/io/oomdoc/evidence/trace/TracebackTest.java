package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class TracebackTest {
    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    @Test
    void aDestructorsIgnoredExceptionAfterTheFailureIsNotWhereItFailed() {
        // Ybowei/P-CNN#6 (corpus_heldout9): a THC out-of-memory in the training script, then Python reports
        // "Exception ignored in: <bound method DataLoaderIter.__del__ ...>" with the loader's shutdown frames
        String paste = io.oomdoc.corpus.Corpus.heldout9().stream()
                .filter(c -> c.id().equals("p-cnn-6-thc-resize-input-zh")).findFirst().orElseThrow().paste();
        TraceAnalysis a = analyzer.analyze(LogText.of(paste));
        assertNotEquals(Phase.DATALOADER, a.phase());
        assertTrue(a.frames().stream().noneMatch(f -> f.file().contains("torch/utils/data/")), a.frames().toString());
        assertTrue(a.frames().stream().anyMatch(f -> f.file().equals("train_pcnn.py")), a.frames().toString());
    }

    @Test
    void backwardFramesGiveTheBackwardPhaseAndTheUsersLine() {
        TraceAnalysis a = analyzer.analyze(Fixtures.log("traces/segtoolbox-backward-1x-cached.txt"));
        assertEquals(Phase.BACKWARD, a.phase());
        Frame user = a.userFrame().orElseThrow();
        assertEquals("train.py", user.file());
        assertEquals(228, user.line());
        assertEquals("loss.backward()", user.code());
    }

    @Test
    void optimizerStepFrameGivesTheOptimizerPhase() {
        String log = Fixtures.devCases().stream().filter(c -> c.path("id").asText().equals("adamw-colossalai-step2"))
                .findFirst().orElseThrow().path("trace").asText();
        TraceAnalysis a = analyzer.analyze(LogText.of(log));
        assertEquals(Phase.OPTIMIZER_STEP, a.phase());
        assertEquals(2, a.iteration(), "tqdm's 2/4 is the step it reached");
    }

    @Test
    void hfEvaluationFramesGiveTheEvalPhase() {
        String log = Fixtures.devCases().stream().filter(c -> c.path("id").asText().equals("hf-trainer-eval-bart-billsum"))
                .findFirst().orElseThrow().path("trace").asText();
        assertEquals(Phase.EVAL, analyzer.analyze(LogText.of(log)).phase());
    }

    @Test
    void rankPrefixesNameTheFailedRank() {
        TraceAnalysis a = analyzer.analyze(Fixtures.log("traces/qwen3coder-rank3-2x.txt"));
        assertEquals(Set.of(3), a.failedRanks());
        assertEquals(3, a.firstFailedRank());
        assertEquals(3, a.numbers().gpuIndex());
    }

    @Test
    void interleavedRanksReportTheFirstFailureAndImbalance() {
        String line = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 132.00 MiB. GPU %d has a total capacity of 79.10 GiB of which 98.00 MiB is free. Of the allocated memory %s GiB is allocated by PyTorch, and 765.81 MiB is reserved by PyTorch but unallocated.";
        String log = "[rank1]: step 10 loss 2.1\n[rank0]: " + String.format(line, 0, "76.12") + "\n[rank1]: " + String.format(line, 1, "52.30") + "\n";
        TraceAnalysis a = analyzer.analyze(LogText.of(log));
        assertEquals(Set.of(0, 1), a.failedRanks());
        assertEquals(0, a.firstFailedRank());
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("rank imbalance") && n.contains("rank 0")), a.notes().toString());
    }

    @Test
    void iterationNumberIsReadFromProgressBars() {
        TraceAnalysis a = analyzer.analyze(Fixtures.log("traces/cylinder3d-backward-tqdm-1x.txt"));
        assertEquals(Phase.BACKWARD, a.phase());
        assertNull(a.iteration(), "the progress bar printed after the error is not the step that failed");
    }
}
