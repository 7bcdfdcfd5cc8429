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
    void aDescribedLoraFineTuneWithNoPasteIsRankedAnActivationsCost() {
        // the same report's words alone, as a user describes a job before pasting anything
        var top = Reasoner.bundled().conclude(RealEvidence.ofCaseWords("db-gpt-hub-248-chatglm3-lora-2048-4090"))
                .hypotheses().get(0).category();
        assertEquals(Category.ACTIVATIONS_BATCH, top);
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
