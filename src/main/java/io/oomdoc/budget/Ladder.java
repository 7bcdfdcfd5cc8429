package io.oomdoc.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The fix ladder of knowledge entry M4 applied to a setup that does not fit: each rung on top of the
 * previous ones, with the bytes it saves and the first rung at which the job fits.
 */
public final class Ladder {
    /** fits is the budget's verdict after the rung: null while the activations are unknown (no seq or batch). */
    public record Rung(int number, String fix, String kb, String cost, boolean changesScience, long savedBytes,
                       long totalAfter, Boolean fits) {}

    /** A fix the ladder may take: when it applies to the setup so far, and what the setup becomes. */
    private record Step(String kb, String cost, boolean science, Predicate<Setup> applies, UnaryOperator<Setup> apply,
                        java.util.function.Function<Setup, String> fix) {}

    private final BudgetEngine engine = new BudgetEngine();

    public List<Rung> climb(Setup start, long gpuBytes) {
        Climb c = new Climb(start, engine.estimate(start, gpuBytes).perGpuBytes().total(), gpuBytes);
        boolean train = start.mode() == Setup.Mode.TRAIN;
        if (train && start.batch() > 1) {
            // --batch is per GPU: the effective batch to keep is that over all of them
            BatchFinder.Result r = new BatchFinder().find(start, gpuBytes, start.batch() * start.dataParallel());
            // when not even one sample fits yet, the later rungs start from micro-batch 1 with the whole batch
            // accumulated
            int micro = r.microBatch() > 0 ? r.microBatch() : 1;
            int accum = r.microBatch() > 0 ? r.accumulationSteps() : start.batch();
            c.take(BatchFinder.atMicro(start, micro, accum), "micro-batch " + micro + " × accumulation " + accum,
                    "M5", "low", false);
        }
        c.climb(steps(train));
        return c.out;
    }

    /** The rungs after the micro-batch, cheapest first. */
    private static List<Step> steps(boolean train) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("M6", "free", false, s -> s.precision() == Setup.Precision.FP32,
                s -> s.withPrecision(Setup.Precision.MIXED_BF16), s -> AssumptionText.get("rung.bf16")));
        steps.add(new Step("M7", "~25% slower", false, s -> train && s.checkpointing() != Setup.Checkpointing.FULL
                && s.checkpointing() != Setup.Checkpointing.OFFLOAD,
                s -> s.withCheckpointing(Setup.Checkpointing.FULL), s -> AssumptionText.get("rung.checkpointing")));
        steps.add(new Step("M11", "free", false, s -> s.attention() == Setup.Attention.EAGER,
                s -> s.withAttention(Setup.Attention.SDPA), s -> AssumptionText.get("rung.sdpa")));
        steps.add(new Step("M12", "low", false, s -> train && s.optimizer().adam(),
                s -> s.withOptimizer(Setup.Optimizer.ADAMW_8BIT), s -> AssumptionText.get("rung.adam8bit")));
        steps.add(new Step("M9", "communication", false, s -> train && s.gpus() > 1 && s.zeroStage() < 3,
                s -> s.toBuilder().zeroStage(3).layerSplit(false).build(),
                s -> AssumptionText.get("rung.shard", s.gpus())));
        steps.add(new Step("M10", "several times slower", false, s -> train && !s.offloadOptimizer()
                && s.loraRank() == 0, Setup::withOffload, s -> AssumptionText.get("rung.offload")));
        steps.add(new Step("M11", "free", true, s -> s.seq() > 256, s -> s.withSeq(s.seq() / 2),
                s -> AssumptionText.get("rung.seq", s.seq(), s.seq() / 2)));
        // adapters replace the optimizer offload: a 4-bit base with rank-16 adapters keeps its states on the GPU
        steps.add(new Step("M13", "capacity", true, s -> train && s.loraRank() == 0,
                s -> s.toBuilder().loraRank(16).quant(Setup.Quant.NF4).offloadOptimizer(false).build(),
                s -> AssumptionText.get("rung.qlora")));
        return steps;
    }

    /**
     * The climb so far: a rung is kept only when it saves memory over the previous one; otherwise the setup stays as
     * it was. A rung that saved nothing at its turn is tried again after each later rung (8-bit AdamW can make the
     * step no longer the peak, and then checkpointing saves what it did not before); each rung is taken once.
     */
    private final class Climb {
        final List<Rung> out = new ArrayList<>();
        final long gpu;
        Setup s;
        long prev;

        Climb(Setup s, long prev, long gpu) { this.s = s; this.prev = prev; this.gpu = gpu; }

        void climb(List<Step> steps) {
            boolean[] taken = new boolean[steps.size()];
            int i = 0;
            while (i < steps.size()) {
                Step st = steps.get(i);
                if (!taken[i] && st.applies().test(s) && take(st.apply().apply(s), st.fix().apply(s), st.kb(),
                        st.cost(), st.science())) {
                    taken[i] = true;
                    i = 0; // a cheaper rung skipped before may save memory now
                } else {
                    i++;
                }
            }
        }

        boolean take(Setup next, String fix, String kb, String cost, boolean science) {
            Budget after = engine.estimate(next, gpu);
            long total = after.perGpuBytes().total();
            if (total >= prev) return false;
            // the budget's own verdict: the card as PyTorch sees it, and no fit claimed over unknown activations
            out.add(new Rung(out.size() + 1, fix, kb, cost, science, prev - total, total, after.fits()));
            s = next;
            prev = total;
            return true;
        }
    }
}
