package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a shape derives from its dimensions: head size, MLP kind, whether it has an architecture at all. Shapes are
 * GPT-2 small's (hf_configs/gpt2-config.json: 12 layers, 768 wide, 12 heads, 3072 MLP) with one dimension unknown.
 * Written to kill the mutants PIT left alive in ModelSpec.
 */
class ModelSpecTest {
    private static ModelSpec gpt2(int layers, int hidden, int heads, int ffn) {
        return new ModelSpec("gpt2", 124_000_000L, layers, hidden, heads, heads, ffn, 50257, true, 0, 0);
    }

    @Test
    void aShapeWithLayersWidthAndHeadsHasAnArchitecture() {
        assertTrue(gpt2(12, 768, 12, 3072).hasArchitecture());
    }

    @Test
    void aShapeWithoutLayersHasNoArchitecture() {
        assertFalse(gpt2(0, 768, 12, 3072).hasArchitecture());
    }

    @Test
    void aShapeWithoutWidthHasNoArchitecture() {
        assertFalse(gpt2(12, 0, 12, 3072).hasArchitecture());
    }

    @Test
    void aShapeWithoutHeadsHasNoArchitecture() {
        assertFalse(gpt2(12, 768, 0, 3072).hasArchitecture());
    }

    @Test
    void theHeadSizeIsHiddenOverHeadsUnlessStated() {
        assertEquals(64, gpt2(12, 768, 12, 3072).headDim());
    }

    @Test
    void aParameterCountAloneHasNoHeadSize() {
        assertEquals(0, ModelSpec.ofParams("a 7B model", 7_000_000_000L).headDim());
    }

    @Test
    void anUnstatedMlpFourTimesTheWidthIsPlain() {
        assertFalse(gpt2(12, 768, 12, 3072).gated());
    }

    @Test
    void anUnstatedMlpOfOtherWidthIsTakenAsGated() {
        // Llama 2 7B's 11008 = 8/3 of 4096 (rounded): the gated families' sizing
        assertTrue(gpt2(32, 4096, 32, 11008).gated());
    }

    @Test
    void anUnknownMlpWidthIsNotTakenAsGated() {
        assertFalse(gpt2(12, 768, 12, 0).gated());
    }

    @Test
    void anArchitectureWithoutMlpWidthGetsAPlainFourTimesWideMlp() {
        ModelSpec m = ModelSpec.fromArchitecture("gpt2", 12, 768, 12, 0, 0, 50257, true, 0, 0);
        assertEquals(3072, m.ffn());
        assertEquals(ModelSpec.Mlp.PLAIN, m.mlp());
        assertEquals(12, m.kvHeads());
    }

    @Test
    void nanochatIsSixtyFourWidePerLayerWithAFourTimesMlpAndHeadsOf128() {
        // nanochat's speedrun model: depth 20, model_dim 1280, 10 heads
        ModelSpec m = ModelSpec.nanochat(20);
        assertEquals(1280, m.hidden());
        assertEquals(10, m.heads());
        assertEquals(5120, m.ffn());
        assertEquals(65536, m.vocab());
        assertFalse(m.tiedEmbeddings());
    }
}
