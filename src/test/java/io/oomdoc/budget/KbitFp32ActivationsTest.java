package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * QLoRA prepared by PEFT's prepare_model_for_kbit_training and trained without autocast (a bf16 model, no --bf16:
 * universal-llm-trainer's setup): PEFT casts embeddings, norms and lm_head to fp32 and bitsandbytes' Linear4bit casts
 * each output back to its fp32 input, so the block's activations and the logits are those of an fp32 run. Under
 * autocast the matmuls run in 16 bits again. Shapes: Llama 3.1 8B from the catalog at 2 x 8192 tokens.
 */
class KbitFp32ActivationsTest {
    private final BudgetEngine engine = new BudgetEngine();
    private final ModelSpec llama = ModelCatalog.find("llama-3.1-8b").orElseThrow();

    private Budget.Terms qlora(Setup.Precision p, Setup.Kbit k) {
        Setup s = Setup.builder(llama).seq(8192).batch(2).precision(p).loraRank(8).quant(Setup.Quant.NF4)
                .build().withLoraTargets(Setup.LoraTargets.ATTENTION)
                .withLoss(Setup.Loss.NATIVE).withKbit(k);
        return engine.estimate(s, null).perGpuBytes();
    }

    @Test
    void withoutAutocastThePreparedModelKeepsTheActivationsOfAnFp32Run() {
        assertEquals(qlora(Setup.Precision.FP32, Setup.Kbit.AS_LOADED).activations(),
                qlora(Setup.Precision.BF16, Setup.Kbit.PEFT_FP32).activations());
    }

    @Test
    void withoutAutocastTheFp32LmHeadMakesFp32LogitsAndAnFp32LogSoftmax() {
        long elements = 2L * 8192 * llama.vocab();
        assertEquals(8 * elements, qlora(Setup.Precision.BF16, Setup.Kbit.PEFT_FP32).logits());
        assertEquals(4 * elements, qlora(Setup.Precision.BF16, Setup.Kbit.AS_LOADED).logits());
    }

    @Test
    void underAutocastTheMatmulsRunIn16BitsSoTheBlockStaysBelowFp32() {
        assertTrue(qlora(Setup.Precision.MIXED_BF16, Setup.Kbit.PEFT_FP32).activations()
                < qlora(Setup.Precision.BF16, Setup.Kbit.PEFT_FP32).activations());
    }
}
