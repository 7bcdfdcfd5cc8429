package io.oomdoc.protocol.dialogue;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ComfyUI failure is a job that only runs models: its budget holds the weights and one call's activations, never
 * gradients or optimizer state. trial22 (JettHu/ComfyUI_TGate#10, SDXL on a 16 GB T4) was told the SDXL UNet's
 * "fixed cost" of 47.8 GiB of training state did not fit and asked for a sequence length (traces/SOURCES.md).
 */
class GenerationFrontEndBudgetTest {
    private static final Path PASTE = Path.of("src/test/resources/traces/comfyui-tgate-10-samplercustom-t4.txt");

    @Test
    void aComfyUiFailureBlockMakesTheFrameworkComfyUiForTheBudget() throws IOException {
        var e = new Diagnoser().evidence(LogText.of(Files.readString(PASTE)), null, Facts.EMPTY, null, null, null,
                new ArrayList<>());
        assertEquals("comfyui", e.facts().framework());
    }

    @Test
    void aFitQuestionAfterAComfyUiPasteIsBudgetedAsGeneration() throws IOException {
        Conversation c = new Conversation();
        c.respond(Files.readString(PASTE));
        c.respond("it's SDXL with AnimateDiff and T-GATE, 16 frames at 1024x1024 on a 16 GB T4");
        String a = c.respond("would 512x512 fit?").text();
        assertTrue(a.contains("Weights of sdxl-unet"), a);
        assertFalse(a.contains("optimizer") || a.contains("sequence length"), a);
    }
}
