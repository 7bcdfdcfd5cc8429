package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Why does the small ControlNet work but the control-LoRA does not?" is answered by what a control-LoRA becomes at run
 * time: the failure is Comfy-Org/ComfyUI#1781 (traces/comfyui-1781-control-lora-vaedecode-6gib.txt), the question
 * trial21's (defect 6), where the 'loaded partially' passage answered it.
 */
class ControlLoraNoteTest {
    @Test
    void theComparisonIsAnsweredByTheFullControlNetAControlLoraBuilds() throws Exception {
        Conversation c = new Conversation();
        c.respond(Files.readString(Path.of("src/test/resources/traces/comfyui-1781-control-lora-vaedecode-6gib.txt")));
        String s = c.respond("why does diffusers_xl_canny_small work but the control-lora does not?").text();
        assertTrue(s.startsWith("A control-LoRA is small only on disk"), s);
    }

    /** The setup line trial21 typed after the paste (defect 5): a control-LoRA in ComfyUI generates, trains nothing. */
    @Test
    void aControlLoraIsReadAsGenerationNotAsLoraTraining() {
        Conversation c = new Conversation();
        c.respond("I'm on an RTX 2060 6GB running SDXL with the sai_xl_canny_128lora control-lora in ComfyUI,"
                + " 1024x1024");
        assertEquals("generation", c.facts().phaseHint());
    }
}
