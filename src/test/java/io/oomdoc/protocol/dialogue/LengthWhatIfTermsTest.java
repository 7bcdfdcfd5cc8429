package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ux14 row 26 (bench/results.md): a sequence-length what-if moves what grows with the tokens, never the gradients
 * and optimizer states, whose size the length does not touch. Turns from https://github.com/QwenLM/Qwen/issues/502
 * (QLoRA of Qwen-7B-Chat-Int4 on one T4 16GB with finetune.py, out of memory at step 0; model_max_length asked).
 */
class LengthWhatIfTermsTest {
    private static final String SETUP = "QLoRA fine-tune of Qwen-7B-Chat-Int4 on a single T4 16GB with finetune.py";

    private static Answer whatIf(String first, String turn) {
        Conversation c = new Conversation();
        c.respond(first);
        Answer a = c.respond(turn);
        assertEquals(Intent.WHAT_IF, a.intent(), a.text());
        return a;
    }

    @Test
    void withNoLengthHeldTheNewEstimateIsShownNotAChangeInGradientsOrStates() {
        Answer a = whatIf(SETUP + "; it runs out of memory at step 0 of 5.", "what if I set model_max_length 512?");
        assertFalse(a.text().contains("gradients 160.00 MiB →"), a.text());
        assertFalse(a.text().matches("(?s).*optimizer [0-9.]+ [KMG]iB → .*"), a.text());
    }

    @Test
    void aShorterLengthMovesTheActivationsAloneEvenWhenTheStepSharesTheirRoom() {
        Answer a = whatIf(SETUP + ", model_max_length 512; it runs out of memory at step 0 of 5.",
                "what if I set model_max_length 16?");
        assertFalse(a.text().matches("(?s).*(gradients|optimizer) [0-9.]+ [KMG]?i?B → .*"), a.text());
        assertTrue(a.text().contains("activations"), a.text());
    }
}
