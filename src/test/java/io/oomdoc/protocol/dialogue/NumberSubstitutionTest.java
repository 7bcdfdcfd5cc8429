package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A turn that is only a new number asks the last calculation again with it (issue 13). */
class NumberSubstitutionTest {
    private static final Path SET_28 = Path.of("src/test/resources/conversations_heldout28");

    /**
     * conversations_heldout28 P20 (a judge-evaluation repo's vLLM max_model_len fix): after the KV cache of
     * Llama-3.1-8B at its default 128k, "what if I set 8192?" is the same cache at 8,192 tokens.
     */
    @Test
    void aBareNumberRedoesTheLastCalculationWithIt() {
        var v = CaseFiguresTest.turn(SET_28, "P20-judgearena-vllm-max-model-len.txt", 5);
        assertTrue(v.output().contains("8,192 tokens take 1 GiB per sequence"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    @Test
    void aTurnThatIsOneNumberAndFillerIsElliptical() {
        assertEquals(3_000_000.0, NumberSubstitution.lone("and at 3,000,000?"));
        assertEquals(1_000_000.0, NumberSubstitution.lone("what if I set the full 1M?"));
        assertNull(NumberSubstitution.lone("what if I use 4 GPUs?"), "a number with its unit named is not elliptical");
    }

    /** A card's model number and a memory size are not the quantity a bare number replaces. */
    @Test
    void neitherACardNorASizeIsReplaced() {
        var ask = new Calculations.Ask("what if I set 8192?", "what if I set 8192?\ndoes that start on a 24 GB 4090?",
                Facts.EMPTY);
        assertNull(NumberSubstitution.of(ask));
    }
}
