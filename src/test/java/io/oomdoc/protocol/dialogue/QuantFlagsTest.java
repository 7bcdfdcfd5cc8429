package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A quantization flag as the repositories spell it is a quantization what-if (issue 13). */
class QuantFlagsTest {
    private static final Path SET_2 = Path.of("src/test/resources/conversations_heldout2");
    private static final Path SET_15 = Path.of("src/test/resources/conversations_heldout15");

    /** heldout15 P38 (LLaVA-13B on 24 GB): "what if I use load_8bit instead?" is the 13B's weights in 8-bit. */
    @Test
    void aLoadFlagWithItsBitsIsTheWeightsFormat() {
        var v = CaseFiguresTest.turn(SET_15, "P38-bacon-llava-13b-24gb-oom-load-4bit-fp16-convert.txt", 4);
        assertTrue(v.output().contains("× 1 bytes (8-bit) = 13"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** heldout2 K14 (CogVLM on a T4): "what if i use --quant 4" is the 4-bit what-if. */
    @Test
    void cogvlmsQuantFlagIsFourBit() {
        var v = CaseFiguresTest.turn(SET_2, "K14-cogvlm-chat-t4-bf16.txt", 4);
        assertTrue(v.output().contains("4-bit"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
