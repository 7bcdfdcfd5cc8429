package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a memory fraction is in GiB, on real turns of the conversation sets (burned sets, read for development):
 * the card the turn names, a step of a fraction named before, and no figure without a card.
 */
class FractionShareTest {
    private static final long GIB = 1L << 30;

    private static String share(String text, String withContext, Facts facts) {
        return Fractions.of(new Calculations.Ask(text, withContext, facts));
    }

    /**
     * conversations_heldout6/G18 (github.com/vllm-project/vllm/issues/235): no card held, the turn names a 40 GB
     * A100; 0.6 of it is 24 GiB, 16 GiB stay outside, and Vicuna-7B's 16-bit weights (13 GiB) leave 11 GiB.
     */
    @Test
    void theCardTheTurnNamesIsTheOneTheFractionIsOf() {
        String turn = "what if I set gpu_memory_utilization to 0.6 on a 40 GB A100";
        String s = share(turn, "when I load vicuna7b_v1.3 in vLLM\n" + turn, Facts.EMPTY);
        assertTrue(s != null && s.contains("40 GiB card is 24 GiB") && s.contains("16 GiB stays outside"), s);
    }

    /** The same turn: what the weights leave of the share is the share less the weights, not more. */
    @Test
    void theWeightsLeaveTheShareLessTheWeights() {
        String turn = "what if I set gpu_memory_utilization to 0.6 on a 40 GB A100";
        String said = "FastChat's readme says Vicuna-7B requires around 14GB of GPU memory";
        String s = share(turn, said + "\n" + turn, Facts.EMPTY);
        assertTrue(s != null && s.contains("leaves 11 GiB"), s);
    }

    /**
     * conversations_heldout2/K06 (github.com/sgl-project/sglang/issues/4330): after --mem-fraction-static was named,
     * "one step of 0.01" on the 48 GB L40S held is 0.48 GiB.
     */
    @Test
    void aStepOfTheFractionNamedBeforeIsItsShareOfTheCard() {
        String turn = "how much memory is one step of 0.01 on this card";
        String s = share(turn, "--mem-fraction-static 0.88\n" + turn, Facts.EMPTY.with(b -> b.gpuMemBytes(48 * GIB)));
        assertTrue(s != null && s.contains("step of 0.01 on a 48 GiB card is 0.48 GiB"), s);
    }

    /** github.com/MeetKai/functionary/issues/61 with no card held or named: a share of nothing is not computed. */
    @Test
    void withoutACardThereIsNoShare() {
        String turn = "and --gpu-memory-utilization .5, is that too low?";
        assertNull(share(turn, turn, Facts.EMPTY));
    }

    /**
     * conversations_heldout2/K05 (github.com/sgl-project/sglang/issues/322): "a 24 GB card at 0.9" after
     * --mem-fraction-static was named: the value given to the flag with "at", 21.6 GiB of the card.
     */
    @Test
    void aValueGivenWithAtIsTheFlagNamedBefore() {
        String turn = "what if it is a 24 GB card at 0.9, how much KV pool is left after the 7B weights";
        String s = share(turn, turn + "\nwhat is mem-fraction-static exactly", Facts.EMPTY);
        assertTrue(s != null && s.contains("0.9 of a 24 GiB card is 21.6 GiB"), s);
    }
}
