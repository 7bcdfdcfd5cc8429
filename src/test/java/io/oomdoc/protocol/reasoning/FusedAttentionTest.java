package io.oomdoc.protocol.reasoning;

import io.oomdoc.protocol.Category;
import io.oomdoc.protocol.Evidence;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a described adapter fine-tune's sequence length is an activations cost (default fused attention keeps no
 * s x s scores) and when the report leaves attention's scores possible. Real reports of the corpus, sources by id.
 */
class FusedAttentionTest {
    /** eosphoros-ai/DB-GPT-Hub#248: LoRA rank 64 on ChatGLM3-6B, sources up to 2048 tokens, one 24 GB card. */
    private static final Evidence LORA = RealEvidence.ofCase("db-gpt-hub-248-chatglm3-lora-2048-4090");
    private static final FeatureVector LORA_FEATURES = RealEvidence.features(LORA);

    private static boolean activations(Evidence e) {
        return FusedAttention.sequenceIsActivations(e, RealEvidence.features(e), false);
    }

    @Test
    void aLoraFineTuneAtAStatedLengthUnderLongContextIsAnActivationsCost() {
        assertTrue(FusedAttention.sequenceIsActivations(LORA, LORA_FEATURES, false));
    }

    @Test
    void aTypedLoraFineTuneAtFourThousandTokensLeadsWithActivations() {
        // the words a new user typed in the twenty-first session's trial, which then led with "use fused attention";
        // (the DB-GPT-Hub report's own words rank other and activations within 0.01 of each other, attention far
        // below with the rule on or off, so they cannot show the rule)
        var top = Reasoner.bundled().conclude(RealEvidence.gather(null, "I'm fine-tuning Llama-3.1-8B with LoRA rank 16"
                + " at 4096 tokens, batch 4, on a 24 GB RTX 4090 and get CUDA out of memory")).hypotheses().get(0);
        assertEquals(Category.ACTIVATIONS_BATCH, top.category());
    }

    @Test
    void aLoraFineTuneThatNamesItsAttentionIsLeftToTheModel() {
        // modelscope/ms-swift#3422: LoRA on V100s with flash attention off at 10,000 tokens: the scores may be real
        assertFalse(activations(RealEvidence.ofCase("ms-swift-3422-max-length-10000-v100-no-flash")));
    }

    @Test
    void aFullParameterRunIsNoAdapterFineTune() {
        // jiaweizzhao/GaLore#49: full-parameter training at 8192 tokens, no adapters said
        assertFalse(activations(RealEvidence.ofCase("galore-49-seq-8192-oom-24gb")));
    }

    @Test
    void weightsAboveTheCardLeaveTheRuleOff() {
        assertFalse(FusedAttention.sequenceIsActivations(LORA, LORA_FEATURES, true));
    }
}
