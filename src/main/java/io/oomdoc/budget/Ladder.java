package io.oomdoc.budget;

import java.util.ArrayList;
import java.util.List;

/**
 * The fix ladder of knowledge entry M4 applied to a setup that does not fit: each rung on top of the
 * previous ones, with the bytes it saves and the first rung at which the job fits.
 */
public final class Ladder {
    public record Rung(int number, String fix, String kb, String cost, boolean changesScience, long savedBytes,
                       long totalAfter, boolean fits) {}

    private final BudgetEngine engine = new BudgetEngine();

    public List<Rung> climb(Setup start, long gpuBytes) {
        Climb c = new Climb(start, engine.estimate(start, gpuBytes).perGpuBytes().total(), gpuBytes);
        boolean train = start.mode() == Setup.Mode.TRAIN;
        if (train && start.batch() > 1) {
            // --batch is per GPU: the effective batch to keep is that over all of them
            BatchFinder.Result r = new BatchFinder().find(start, gpuBytes, start.batch() * Math.max(1, start.gpus()));
            // when not even one sample fits yet, the later rungs start from micro-batch 1 with the whole batch
            // accumulated
            int micro = r.microBatch() > 0 ? r.microBatch() : 1;
            int accum = r.microBatch() > 0 ? r.accumulationSteps() : start.batch();
            c.rung(BatchFinder.atMicro(start, micro, accum), "micro-batch " + micro + " × accumulation " + accum,
                    "M5", "low", false);
        }
        if (c.s.precision() == Setup.Precision.FP32) c.rung(c.s.withPrecision(Setup.Precision.MIXED_BF16),
                "bf16 autocast", "M6", "free", false);
        boolean checkpointed = c.s.checkpointing() == Setup.Checkpointing.FULL
                || c.s.checkpointing() == Setup.Checkpointing.OFFLOAD;
        if (train && !checkpointed)
            c.rung(c.s.withCheckpointing(Setup.Checkpointing.FULL), "activation checkpointing", "M7", "~25% slower",
                    false);
        if (c.s.attention() == Setup.Attention.EAGER) c.rung(c.s.withAttention(Setup.Attention.SDPA), "SDPA / FlashA"
                + "ttention", "M11", "free", false);
        if (train && c.s.optimizer().adam()) c.rung(c.s.withOptimizer(Setup.Optimizer.ADAMW_8BIT),
                "8-bit AdamW", "M12", "low", false);
        if (train && c.s.gpus() > 1 && c.s.zeroStage() < 3)
            c.rung(c.s.withZero(3), "ZeRO-3 / FSDP full shard over " + c.s.gpus() + " GPUs", "M9", "communication",
                    false);
        if (train && !c.s.offloadOptimizer() && c.s.loraRank() == 0)
            c.rung(c.s.withOffload(), "CPU offload of the optimizer (ZeRO-Offload)", "M10", "several times slower",
                    false);
        if (c.s.seq() > 256) c.rung(c.s.withSeq(c.s.seq() / 2), "sequence length " + c.s.seq() + " → "
                + c.s.seq() / 2, "M11", "free", true);
        if (train && c.s.loraRank() == 0) {
            Setup q = new Setup(c.s.model(), c.s.seq(), c.s.batch(), c.s.mode(), c.s.precision(), c.s.optimizer(),
                    c.s.checkpointing(), c.s.attention(),
                    c.s.zeroStage(), c.s.gpus(), 16, Setup.Quant.NF4, c.s.contextBytes(),
                            false); // adapters replace offload
            c.rung(q, "QLoRA (4-bit base, rank-16 adapters)", "M13", "capacity", true);
        }
        return c.out;
    }

    /**
     * The climb so far: a rung is kept only when it saves memory over the previous one; otherwise the setup stays as
     * it was.
     */
    private final class Climb {
        final List<Rung> out = new ArrayList<>();
        final long gpu;
        Setup s;
        long prev;

        Climb(Setup s, long prev, long gpu) { this.s = s; this.prev = prev; this.gpu = gpu; }

        void rung(Setup next, String fix, String kb, String cost, boolean science) {
            long total = engine.estimate(next, gpu).perGpuBytes().total();
            if (total >= prev) return;
            out.add(new Rung(out.size() + 1, fix, kb, cost, science, prev - total, total, total <= gpu));
            s = next;
            prev = total;
        }
    }
}
