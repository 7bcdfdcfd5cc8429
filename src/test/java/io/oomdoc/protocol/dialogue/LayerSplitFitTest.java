package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A fit asked about a model spread over the cards with device_map keeps the effective batch over one copy of the model
 * (issue 14). The setup is the Hugging Face 4-bit blog's LLaMA-13B LLM.int8 run on two T4s with device_map="auto"
 * (github.com/huggingface/blog 4bit-transformers-bitsandbytes.md at 1b4d85d; measured_heldout6.json, burned), told as
 * a user types it.
 */
class LayerSplitFitTest {
    private static final Pattern ACCUM = Pattern.compile(
            "micro-batch (\\d+) × gradient_accumulation_steps (\\d+) × (\\d+) GPU = (\\d+)");

    @Test
    void theEffectiveBatchCountsOneCopyOfTheModelNotOnePerCard() {
        Conversation c = new Conversation();
        c.respond("LoRA fine-tune of llama-2-13b in 8-bit on two T4 16GB, from_pretrained(name, device_map=\"auto\","
                + " load_in_8bit=True), gradient checkpointing, batch 4, seq 512");
        String text = c.respond("will it fit?").text();
        Matcher m = ACCUM.matcher(text);
        assertTrue(m.find(), text);
        assertEquals(1, Integer.parseInt(m.group(3)), "the layer split runs one copy: " + text);
        assertEquals(4, Integer.parseInt(m.group(1)) * Integer.parseInt(m.group(2)) * Integer.parseInt(m.group(3)));
        assertEquals(4, Integer.parseInt(m.group(4)));
    }
}
