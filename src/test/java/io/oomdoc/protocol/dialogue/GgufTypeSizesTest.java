package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.SetupFromFacts;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A llama.cpp GGUF type is a weight format of its own: in a question it is sized at its bits per weight (GgmlBits:
 * the k-quants pull request's measured mixes, ggml-common.h's blocks), and in the facts it is held as gguf beside
 * the 4/8-bit class, so that a served model is budgeted at that type (Setup.Quant, GgufWeights).
 */
class GgufTypeSizesTest {
    private static final String G22 = "G22-koboldcpp-two-3060-yi-34b-q6k-16k-context.txt";

    /**
     * github.com/ollama/ollama/issues/1374 (set 7, #4): "what do the 33b q5_K_S weights weigh" is 33B x 5.54 bits =
     * 22.9 GB, where the engine had answered with a passage on KV-cache types.
     */
    @Test
    void aQ5KsFileOfA33bModelWeighsAbout23Gigabytes() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout7"),
                "H17-ollama-deepseek-coder-33b-num-gpu-65-on-4090.txt", 4);
        assertTrue(v.output().contains("Q5_K_S") && v.output().contains("22.9 GB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/LostRuins/koboldcpp/issues/544 (set 6, #3): "how big is a 34B at Q6_K" names Q6_K at 6.56 bits a
     * weight, not the 4-bit row's half byte.
     */
    @Test
    void q6kIsSizedAtItsOwnBits() {
        assertEquals(6.56 / 8, Sizes.gguf("how big is a 34B at Q6_K"), 1e-9);
    }

    /**
     * github.com/huchenlei/ComfyUI_omost/issues/53 (set 17's P31, #2: "the weights of an 8B at Q4_K_M") names one
     * format: Q4_K_M is not also the 4-bit row its "Q4" starts with.
     */
    @Test
    void q4KmCountsAsOneFormat() {
        assertEquals(1, Sizes.formatsNamed("how much VRAM do the weights of an 8B at Q4_K_M take?"));
    }

    /**
     * The koboldcpp thread's paste (#2) loads dolphin-2_2-yi-34b.Q6_K.gguf: the file type is held, and the two 3060s
     * hold 13.1 GiB of weights each (Yi-34B at Q6_K, 26.3 GiB), not the 32.0 GiB of 16-bit weights they were given.
     */
    @Test
    void theQ6kFileOfYi34bIsBudgetedAtQ6k() {
        Path set = Path.of("src/test/resources/conversations_heldout6");
        var v = CaseFiguresTest.turn(set, G22, 2);
        assertTrue(v.output().contains("weights 13.14 GiB"), v.output());
        assertEquals("q6_k", played(set, G22).gguf());
    }

    /**
     * github.com/lmstudio-ai/lmstudio-bug-tracker/issues/542 (set 11): "a Q5_K_M Qwen2 14B" run in LM Studio is a
     * Q5_K_M file: the setup takes Setup.Quant.Q5_K_M, not the 4-bit NF4 of a QLoRA base.
     */
    @Test
    void aServedQ5KmFileIsNoFourBitCheckpoint() {
        var f = played(Path.of("src/test/resources/conversations_heldout11"),
                "L23-lmstudio-qwen2-14b-q5-10gb-kv-on-gpu.txt");
        assertEquals("q5_k_m", f.gguf());
        assertEquals(Setup.Quant.Q5_K_M, SetupFromFacts.from(f).orElseThrow().quant());
    }

    /** The facts held after every turn of a thread. */
    private static io.oomdoc.protocol.Facts played(Path set, String file) {
        Conversation c = new Conversation();
        Transcripts.play(Transcripts.read(set.resolve(file)), c::respond, c::facts,
                io.oomdoc.bench.ConversationBench::render);
        return c.facts();
    }
}
