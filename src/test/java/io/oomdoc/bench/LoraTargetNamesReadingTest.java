package io.oomdoc.bench;

import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * LoRA targets written as module names are the same sets as the short forms the reader knew: "q_proj,v_proj" is the
 * query and value projections, "q,k,v,o (q_proj, k_proj, v_proj, o_proj)" the four attention projections; both
 * were read as every linear layer. Records (burned): Yuan2.0-M32's FastChat recipe (IEIT-Yuan/Yuan2.0-M32
 * docs/Yuan2_fastchat.md at 10f9863, measured_heldout12.json) and self-llm's MiniCPM-2B LoRA (datawhalechina/self-llm
 * models/MiniCPM at 5877a41, measured_heldout11.json; before: +41.5%, after: +27.5%).
 */
class LoraTargetNamesReadingTest {
    @Test
    void qProjAndVProjAreTheQueryAndValueProjections() throws IOException {
        Setup s = BudgetBench.devSetup(MeasuredRecords.byId("heldout12", "yuan2-m32-fastchat-2b-qlora-s1024-1xl20"));
        assertEquals(Setup.LoraTargets.QV, s.loraTargets());
    }

    @Test
    void qkvoSpelledOutAreTheFourAttentionProjections() throws IOException {
        Setup s = BudgetBench.devSetup(MeasuredRecords.byId("heldout11",
                "self-llm-minicpm-2b-lora-r8-qkvo-s512-b4-3090"));
        assertEquals(Setup.LoraTargets.ATTENTION, s.loraTargets());
    }
}
