package io.oomdoc.protocol.reasoning;

import io.oomdoc.protocol.Category;

import java.util.List;

/**
 * The causes that DESIGN.md's taxonomy defines by a model's training or validation loop (eval_accumulation: a
 * validation pass; optimizer_state_step2: the first optimizer step; first_backward: the first backward;
 * longest_batch: thousands of steps of variable-length batches) cannot describe a program that drives the GPU
 * through a graphics or compute API, or that is a simulation or a miner (the cue gpuapi, model/cues.tsv), unless
 * the text also says it trains. Such APIs use the loop's words for other things: wgpu and Vulkan call their API
 * checks "validation" ("wgpu error: Validation Error"), which the evaluation words read as a validation loop.
 */
final class NoTrainingLoop {
    /**
     * The share those causes keep: not zero, since the cue can be wrong about a stack (a model trained through
     * OpenCL); the same factor as a load-time failure gives the batch's causes (Constraints.NO_BATCH_BEFORE_THE_RUN).
     */
    static final double OUTSIDE_A_LOOP = Constraints.NO_BATCH_BEFORE_THE_RUN;
    private static final List<Category> LOOP_CAUSES = List.of(Category.EVAL_ACCUMULATION,
            Category.OPTIMIZER_STATE_STEP2, Category.FIRST_BACKWARD, Category.LONGEST_BATCH);

    private NoTrainingLoop() {}

    /** True when the report names a non-framework GPU API or a non-model program and nothing says it trains. */
    static boolean holds(FeatureVector x) {
        var v = x.values();
        boolean api = v.containsKey("cue:gpuapi") || v.containsKey("log:gpuapi");
        boolean trains = v.containsKey("cue:phase-training") || v.containsKey("log:phase-training");
        return api && !trains;
    }

    static void constrain(FeatureVector x, List<String> labels, double[] p) {
        if (!holds(x)) return;
        for (Category c : LOOP_CAUSES) {
            int k = labels.indexOf(c.json());
            if (k >= 0) p[k] *= OUTSIDE_A_LOOP;
        }
    }
}
