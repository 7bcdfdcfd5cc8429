package io.oomdoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * `oomdoc batch --mode infer` splits the requests into rounds, not gradient-accumulation steps (routed from ux14).
 * The requests are those of https://github.com/vllm-project/vllm/issues/17939, whose sampler warm-up runs 256 dummy
 * requests at once; llama-3.1-8b from the catalog stands in for the thread's unnamed model, on a 24 GB card.
 */
class CliBatchServingLabelTest {
    @TempDir Path tmp;

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void servingRequestsAreSplitIntoRoundsNotGradientAccumulation() {
        String table = run("batch", "--model", "llama-3.1-8b", "--mode", "infer", "--seq", "4096", "--batch", "256",
                "--gpu-mem", "24GB");
        assertTrue(table.contains("rounds"), table);
        assertFalse(table.contains("grad-accum"), table);
    }

    @Test
    void trainingKeepsTheGradientAccumulationColumn() {
        String table = run("batch", "--model", "gpt2", "--seq", "1024", "--batch", "47", "--gpu", "rtx 3090");
        assertTrue(table.contains("grad-accum"), table);
    }
}
