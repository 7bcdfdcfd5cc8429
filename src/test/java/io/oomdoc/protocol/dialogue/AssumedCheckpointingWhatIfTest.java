package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "What if I use QLoRA?" after a LoRA failure that says nothing of checkpointing (issue 13 names the follow-up; the
 * setup is the common Llama 3.1 8B LoRA on a 24 GB RTX 4090): QLoRA is budgeted with checkpointing on, as
 * prepare_model_for_kbit_training does by default, and the answer says how much of the saving that is, so 4-bit
 * weights are not credited with what checkpointing saves.
 */
class AssumedCheckpointingWhatIfTest {
    private static final Pattern WITHOUT = Pattern.compile("without it the peak would be about ([\\d.]+) GiB");
    private static final Pattern PEAK = Pattern.compile("estimated peak ([\\d.]+) GiB");

    @Test
    void theSavingThatCheckpointingMakesIsSaidApart() {
        Conversation c = new Conversation();
        c.respond("I am fine-tuning Llama 3.1 8B with LoRA r=16 on a single RTX 4090, bf16, seq 2048, batch 4 and get"
                + " CUDA out of memory");
        String s = c.respond("what if I use QLoRA?").text().replace("\n", " ");
        Matcher without = WITHOUT.matcher(s), peak = PEAK.matcher(s);
        assertTrue(without.find() && peak.find(), s);
        assertTrue(Double.parseDouble(without.group(1)) > 2 * Double.parseDouble(peak.group(1)), s);
    }

    @Test
    void checkpointingTheUserStatedIsNotSaidAgain() {
        Conversation c = new Conversation();
        c.respond("I am fine-tuning Llama 3.1 8B with LoRA r=16 and gradient checkpointing on a single RTX 4090, bf16,"
                + " seq 2048, batch 4 and get CUDA out of memory");
        String s = c.respond("what if I use QLoRA?").text();
        assertTrue(!s.contains("counts gradient checkpointing on"), s);
    }
}
