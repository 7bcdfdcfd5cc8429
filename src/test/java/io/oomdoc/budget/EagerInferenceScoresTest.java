package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Eager attention in a Llama-family forward without gradients (transformers' eager_attention_forward, and
 * LlamaAttention before it, both write `softmax(scores, dim=-1, dtype=torch.float32).to(query.dtype)`): the 16-bit
 * scores, the fp32 softmax and its 16-bit cast are live in one statement, 2 + 4 + 2 B a score. The setup is a real
 * record: optimum's GPTQ benchmark, Llama-2-13B in fp16 with no attn_implementation (eager in the transformers of
 * 2023), prompt 512 + 1 token, batch 16 (measured_heldout3.json, optimum-gptq-bench-llama2-13b-fp16-prefill-b16;
 * https://github.com/huggingface/optimum/blob/main/tests/benchmark/README.md). That record and the same page's
 * GPTQ rows were all under before this rule (heldout3 and serving12, burned sets: development data).
 */
class EagerInferenceScoresTest {
    private final BudgetEngine engine = new BudgetEngine();

    private static Setup prefill(String model, Setup.Attention attention) {
        return Setup.builder(ModelCatalog.find(model).orElseThrow()).mode(Setup.Mode.INFER)
                .precision(Setup.Precision.FP16).seq(513).batch(16).attention(attention).build();
    }

    private long activations(String model, Setup.Attention attention) {
        return engine.estimate(prefill(model, attention), null).perGpuBytes().activations();
    }

    @Test
    void aLlamaEagerForwardHoldsTheScoresTheirFp32SoftmaxAndTheCastTogether() {
        double scores = BudgetEngine.scoreValues(16, 40, 513); // Llama-2-13B: 40 heads
        assertEquals(8 * scores, activations("llama-2-13b", Setup.Attention.EAGER)
                - activations("llama-2-13b", Setup.Attention.SDPA), 1.0);
    }

    @Test
    void aGpt2EagerForwardKeepsScoresAndProbabilitiesInItsOwnDtype() {
        double scores = BudgetEngine.scoreValues(16, 12, 513); // GPT-2 small: 12 heads, softmax in the input dtype
        assertEquals(2 * 2 * scores, activations("gpt2", Setup.Attention.EAGER)
                - activations("gpt2", Setup.Attention.SDPA), 1.0);
    }
}
