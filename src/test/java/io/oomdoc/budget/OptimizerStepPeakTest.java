package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A mixed-precision full fine-tune on one GPU peaks either at the end of the forward (fp32 master weights, the 16-bit
 * copies the matmuls use, the optimizer states, the activations) or in optimizer.step(). By the step, autocast has
 * dropped its cache and backward has freed the saved 16-bit casts, so the step holds fp32 master weights (4 B),
 * gradients (4 B) and AdamW's moments (8 B) per parameter, plus the copy of the second moments foreach AdamW makes
 * (4 B): 20 B/param, 16 B/param with a fused AdamW. Shapes: Llama 3.1 8B from the catalog, a short sequence so the
 * step is the peak.
 */
class OptimizerStepPeakTest {
    private final BudgetEngine engine = new BudgetEngine();
    private final ModelSpec llama = ModelCatalog.find("llama-3.1-8b").orElseThrow();

    private double liveBytesPerParam(Setup.Optimizer o) {
        Setup s = Setup.builder(llama).seq(256).optimizer(o).checkpointing(Setup.Checkpointing.FULL).build();
        Budget.Terms t = engine.estimate(s, null).perGpuBytes();
        return (t.total() - t.overhead()) / (double) llama.params();
    }

    @Test
    void foreachAdamWStepHoldsTwentyBytesPerParameterNotTwentyTwo() {
        assertEquals(20.0, liveBytesPerParam(Setup.Optimizer.ADAMW), 0.3);
    }

    @Test
    void fusedAdamWStepHoldsTheSixteenBytesOfMasterWeightsGradientsAndMoments() {
        assertEquals(16.0, liveBytesPerParam(Setup.Optimizer.ADAMW_FUSED), 0.3);
    }
}
