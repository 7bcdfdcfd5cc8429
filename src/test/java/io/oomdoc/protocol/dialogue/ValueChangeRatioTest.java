package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A value cut from A to B, on a real turn of a burned conversation set (conversations_heldout4, development). */
class ValueChangeRatioTest {
    /**
     * conversations_heldout4/M13 (huggingface diffusers, attention slicing): 17 to 10 steps is 0.59 of the value,
     * and what grows with its square by 0.35.
     */
    @Test
    void aCutFromSeventeenToTenIsItsRatioAndThatRatioSquared() {
        String turn = "what if I drop num_inference_steps from 17 to 10";
        String s = Ratios.of(new Calculations.Ask(turn, turn, Facts.EMPTY));
        assertTrue(s != null && s.contains("From 17 to 10 is 0.59×") && s.contains("by 0.35×"), s);
    }
}
