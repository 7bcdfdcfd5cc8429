package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Full parameters" said without "fine-tuning" (a DPO run, "trained with full parameters") is still full training:
 * 16 bytes per parameter of model states with AdamW in mixed precision. Turns from the burned held-out sets 18 and 19
 * (scored once, development data since), played through the engine.
 */
class FullParameterStatesTest {
    /** github.com/RLHF-V/RLAIF-V/issues/22: a 7B trained with full parameters in bf16 with AdamW, before activations. */
    @Test
    void trainedWithFullParametersIsSixteenBytesEach() {
        var v = turn(Path.of("src/test/resources/conversations_heldout18"), "P24-rlaif-v-a100-80gb-batch-1.txt", 2);
        assertTrue(v.output().contains("16 bytes per parameter"), v.output());
        assertTrue(v.output().contains("= 112 GB of model states"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/ZHZisZZ/modpo/issues/5: full-parameter DPO of a 7B in bf16 with AdamW. */
    @Test
    void fullParameterDpoIsFullTraining() {
        var v = turn(Path.of("src/test/resources/conversations_heldout19"), "P13-modpo-dpo-llama2-7b-a100-40gb.txt", 2);
        assertTrue(v.output().contains("= 112 GB of model states"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
