package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A bitsandbytes base as the card holds it: the linear layers quantized, NF4 at 4 bits plus one fp32 absmax per block
 * of 64 (0.5 + 4/64 B a weight; QLoRA paper, Dettmers et al. 2023, section 3.4, and bitsandbytes' blocksize 64),
 * LLM.int8 at 1 B plus its fp16 outliers (1.05 B), the embeddings and lm_head left in 16 bits (once when tied), and
 * one 16-bit dequantized copy of the widest linear with its backward twin live at the peak (Linear4bit's forward
 * dequantizes the weight it multiplies). Shapes from each model's config.json (the catalog's rows): Llama-2-7B,
 * 32,000 x 4,096 embeddings untied, MLP 4,096 x 11,008; Llama-3.2-3B, 128,256 x 3,072 tied, MLP 3,072 x 8,192.
 */
class BitsandbytesWeightsTest {
    private final BudgetEngine engine = new BudgetEngine();

    private long weights(String model, Setup.Quant q) {
        return engine.estimate(Setup.builder(ModelCatalog.find(model).orElseThrow()).mode(Setup.Mode.INFER).quant(q)
                .seq(512).batch(1).build(), null).perGpuBytes().weights();
    }

    private static long expected(String model, double bytesPerWeight, boolean tied) {
        ModelSpec m = ModelCatalog.find(model).orElseThrow();
        long embed = (long) m.vocab() * m.hidden() * (tied ? 1 : 2);
        long dequantized = (long) m.hidden() * m.ffn();
        return Math.round((m.params() - embed) * bytesPerWeight) + 2 * embed + 2L * 2 * dequantized;
    }

    @Test
    void nf4KeepsHalfAByteAndAnAbsmaxPerSixtyFourWeightsBesideSixteenBitEmbeddingsAndHead() {
        assertEquals(expected("llama-2-7b", 0.5 + 4.0 / 64, false), weights("llama-2-7b", Setup.Quant.NF4));
    }

    @Test
    void aTiedEmbeddingIsKeptInSixteenBitsOnce() {
        assertEquals(expected("llama-3.2-3b", 0.5 + 4.0 / 64, true), weights("llama-3.2-3b", Setup.Quant.NF4));
    }

    @Test
    void llmInt8KeepsAByteAWeightAndItsOutliers() {
        assertEquals(expected("llama-2-7b", 1.05, false), weights("llama-2-7b", Setup.Quant.INT8));
    }
}
