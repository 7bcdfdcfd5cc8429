package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The engine's terms for torchtune's recipe knobs, on the setup of recipes/configs/llama3_1/8B_full_single_device.yaml
 * at pytorch/torchtune bd2a0fc (dtype bf16, PagedAdamW8bit, optimizer_in_bwd True, activation checkpointing,
 * LinearCrossEntropyLoss, batch_size 2), here at 2048 tokens. The command line's flags for them are tested in
 * io.oomdoc.cli.TorchtuneRecipeFlagsTest; these tests hold the terms themselves.
 */
class TorchtuneTermsTest {
    private final BudgetEngine engine = new BudgetEngine();
    private final ModelSpec llama = ModelCatalog.find("llama-3.1-8b").orElseThrow();

    private Setup.Builder fullSingleDevice() {
        return Setup.builder(llama).precision(Setup.Precision.BF16).optimizer(Setup.Optimizer.PAGED_ADAMW_8BIT)
                .checkpointing(Setup.Checkpointing.FULL).loss(Setup.Loss.CHUNKED).seq(2048).batch(2);
    }

    private Budget.Terms terms(Setup.Builder b) { return engine.estimate(b.build(), null).perGpuBytes(); }

    @Test
    void theChunkedLossHoldsFourBytesALogitAndOneChunksBackward() {
        assertEquals(Math.round(2.0 * 2048 * llama.vocab() * (4 + 10.0 / 8)), terms(fullSingleDevice()).logits());
    }

    @Test
    void optimizerInBackwardLeavesTheLargestTensorsGradientOnly() {
        Budget.Terms t = terms(fullSingleDevice().optimizerInBackward(true));
        assertEquals(2L * llama.vocab() * llama.hidden(), t.gradients());
        Budget b = engine.estimate(fullSingleDevice().optimizerInBackward(true).build(), null);
        assertTrue(b.assumptions().stream().anyMatch(a -> a.contains("optimizer in backward")));
    }

    @Test
    void optimizerInBackwardStillHoldsEveryOptimizerState() {
        assertEquals(terms(fullSingleDevice()).optimizer(), terms(fullSingleDevice().optimizerInBackward(true))
                .optimizer());
    }

    @Test
    void offloadingEverySavedTensorLeavesOneLayersSetOnTheGpuOrTheLogitsWhicheverIsLarger() {
        // the layers' sets come back only in their own backward, after the loss's backward freed the logits
        long all = terms(fullSingleDevice().checkpointing(Setup.Checkpointing.NONE)).activations();
        Budget.Terms offloaded = terms(fullSingleDevice().checkpointing(Setup.Checkpointing.OFFLOAD_ALL));
        assertEquals(Math.max(all / (double) llama.layers(), offloaded.logits()),
                offloaded.activations() + offloaded.logits(), all * 0.001);
    }

    @Test
    void aBatchThatMustAccumulateKeepsItsGradientsAndSaysTheOptimizerLeavesBackward() {
        BatchFinder.Result r = new BatchFinder().find(fullSingleDevice().optimizerInBackward(true).seq(4096).build(),
                80_000_000_000L, 16);
        assertTrue(r.accumulationSteps() > 1);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("optimizer_in_bwd")), r.notes()::toString);
        assertTrue(r.budget().perGpuBytes().gradients() > 2L * llama.vocab() * llama.hidden());
    }
}
