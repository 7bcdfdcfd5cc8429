package io.oomdoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A training budget without --checkpointing takes PyTorch's default, off, and says so: LLaMA-Factory, ms-swift and
 * many fine-tuning scripts turn it on (the ColossalAI-Pytorch-lightning GPT-2 benchmark's train.py too), so a
 * silent "off" overstates their activations many times over.
 */
class UnstatedCheckpointingNoteTest {
    private static final String NOTE = "checkpointing not stated: taken as off";
    @TempDir Path tmp;

    private static final List<String> BASE = List.of("budget", "--model", "gpt2-xl", "--seq", "1024", "--batch", "6");

    private String budget(String... extra) { return BudgetRuns.flat(tmp, BASE, extra); }

    @Test
    void trainingWithoutTheFlagSaysCheckpointingWasTakenAsOff() {
        assertTrue(budget().contains(NOTE));
    }

    @Test
    void checkpointingStatedOffIsNoAssumption() {
        assertFalse(budget("--checkpointing", "none").contains(NOTE));
    }

    @Test
    void inferenceHasNothingToCheckpoint() {
        assertFalse(budget("--mode", "infer").contains(NOTE));
    }
}
