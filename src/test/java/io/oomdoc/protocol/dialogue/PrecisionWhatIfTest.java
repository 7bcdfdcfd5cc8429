package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A precision what-if is answered by the bytes per value even when the turn also says which format is not there
 * ("my V100 has no bf16"), and a `.half()` call on any module names fp16. Turns of the burned held-out sets 25 and 29
 * (each scored blind once, development data since), played through the engine.
 */
class PrecisionWhatIfTest {
    /** github.com/google-research/text-to-text-transfer-transformer/issues/539: "no bf16. what if I fall back to fp32?". */
    @Test
    void aFormatTheCardLacksIsWhatTheChangeReplaces() {
        var v = turn(Path.of("src/test/resources/conversations_heldout29"), "P36-t5-fp16-overflow-bf16.txt", 3);
        assertTrue(v.output().contains("In fp32 each value takes 4 bytes instead of 2 bytes"), v.output());
    }

    /** github.com/caiyuanhao1998/MST-plus-plus/issues/9: "what if I uncomment torch_model.half()?" after an fp32 script. */
    @Test
    void halfOnANamedModuleIsFp16() {
        var v = turn(Path.of("src/test/resources/conversations_heldout25"), "P23-mst-plus-plus-a10-batch2.txt", 4);
        assertTrue(v.output().contains("In fp16 each value takes 2 bytes instead of 4 bytes"), v.output());
    }

    /** Leaving AMP for plain fp32 doubles the saved activations only: the states were fp32 already. */
    @Test
    void leavingMixedPrecisionDoublesTheActivationsOnly() {
        String said = PrecisionChange.of(Facts.builder().precision("fp32").build(),
                Facts.builder().precision("mixed-fp16").build());
        assertTrue(said != null && said.startsWith("Leaving mixed precision (mixed-fp16) for plain fp32")
                && said.contains("×2.00 (double)"), said);
    }
}
