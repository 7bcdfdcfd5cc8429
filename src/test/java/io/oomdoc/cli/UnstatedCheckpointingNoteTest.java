package io.oomdoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private String budget(String... extra) {
        List<String> args = new ArrayList<>(List.of("budget", "--model", "gpt2-xl", "--seq", "1024", "--batch", "6"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false),
                err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

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
