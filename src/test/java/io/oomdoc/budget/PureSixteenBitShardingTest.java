package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Sharded training of a pure 16-bit module (FSDP over bf16 parameters: litgpt's bf16-true, HF Trainer with
 * torch_dtype=bfloat16 and no --bf16): no fp32 master copy exists, and torch.optim.AdamW keeps its two moments in
 * the parameters' dtype (zeros_like), so 4 bytes of optimizer state per parameter. FSDP's FULL_SHARD (stage 3)
 * splits parameters, gradients and states; SHARD_GRAD_OP (stage 2) gradients and states; stage 1 the states only.
 * Llama 3 8B's shape from catalog/models.csv (its config.json on the Hugging Face hub). Gradients are kept (as under
 * accumulation), so that the gradient term is the whole partition, not the part that outlives the activations.
 */
class PureSixteenBitShardingTest {
    private static final int GPUS = 8;
    private final BudgetEngine engine = new BudgetEngine();
    private final ModelSpec llama3 = ModelCatalog.find("llama-3-8b").orElseThrow();

    private Budget.Terms shard(int stage) {
        return engine.estimate(Setup.builder(llama3).seq(2048).precision(Setup.Precision.BF16)
                .checkpointing(Setup.Checkpointing.FULL).zeroStage(stage).gpus(GPUS)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build().withGradientsKept(true), null).perGpuBytes();
    }

    private long p() { return llama3.params(); }

    @Test
    void fullShardSplitsParametersGradientsAndStatesAndGathersTheLargestLayer() {
        // the largest tensor gathered at once is the 128,256 × 4,096 embedding, with its gradient
        long largest = Math.max((long) llama3.vocab() * llama3.hidden(), (long) llama3.hidden() * llama3.ffn());
        assertEquals((long) llama3.vocab() * llama3.hidden(), largest);
        Budget.Terms t = shard(3);
        assertEquals(2L * p() / GPUS + 4L * largest, t.weights());
        assertEquals(2L * p() / GPUS, t.gradients());
        assertEquals(Math.round(4.0 * p() / GPUS), t.optimizer());
    }

    @Test
    void shardGradOpKeepsTheParametersWholeAndSplitsTheGradients() {
        Budget.Terms t = shard(2);
        assertEquals(2L * p(), t.weights());
        assertEquals(2L * p() / GPUS, t.gradients());
        assertEquals(Math.round(4.0 * p() / GPUS), t.optimizer());
    }

    @Test
    void stageOneSplitsOnlyTheOptimizerStates() {
        Budget.Terms t = shard(1);
        assertEquals(2L * p(), t.weights());
        assertEquals(2L * p(), t.gradients());
        assertEquals(Math.round(4.0 * p() / GPUS), t.optimizer());
    }
}
