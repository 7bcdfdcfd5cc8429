package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Inference that computes the logits of every position (`oomdoc budget --mode infer --logits all`): a scoring or
 * perplexity forward, or generate() before transformers 4.45, which had no logits_to_keep and whose
 * LlamaForCausalLM.forward ran `logits = self.lm_head(hidden_states)` then `logits = logits.float()`
 * (transformers v4.44.2, src/transformers/models/llama/modeling_llama.py): the 16-bit logits and their fp32 copy
 * are live together, after the last layer has freed its working set. optimum's GPTQ benchmark records
 * (measured_heldout3.json, notes) were written down as running that code.
 */
class PromptLogitsTest {
    private final BudgetEngine engine = new BudgetEngine();
    private final ModelSpec llama = ModelCatalog.find("llama-3.1-8b").orElseThrow();

    private Budget.Terms scoring(boolean all) {
        return engine.estimate(Setup.builder(llama).mode(Setup.Mode.INFER).precision(Setup.Precision.BF16)
                .seq(4096).batch(8).promptLogits(all).build(), null).perGpuBytes();
    }

    @Test
    void everyPositionsLogitsAreHeldInBf16AndInTheirFp32Upcast() {
        assertEquals(8L * 4096 * llama.vocab() * (2 + 4), scoring(true).logits());
        assertEquals(8L * llama.vocab() * 4, scoring(false).logits(), "generate today: the last position, fp32");
    }

    @Test
    void theLogitsTakeTheRoomTheLayersWorkingSetLeft() {
        Budget.Terms last = scoring(false), all = scoring(true);
        long before = last.activations() + last.logits(), after = all.activations() + all.logits();
        assertEquals(Math.max(last.activations(), all.logits()), after, "not their sum");
        assertTrue(after > before);
    }
}
