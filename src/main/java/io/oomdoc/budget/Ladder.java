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
        List<Rung> out = new ArrayList<>();
        Setup s = start;
        long prev = engine.estimate(s, gpuBytes).perGpuBytes().total();
        int n = 0;
        if (s.mode() == Setup.Mode.TRAIN && s.batch() > 1) {
            BatchFinder.Result r = new BatchFinder().find(s, gpuBytes, s.batch());
            int micro = Math.max(1, r.microBatch());
            s = s.withBatch(micro);
            prev = add(out, ++n, "micro-batch " + micro + " × accumulation " + Math.max(1, (int) Math.ceil(start.batch() / (double) micro)), "M5", "low", false, s, prev, gpuBytes);
        }
        if (s.precision() == Setup.Precision.FP32) {
            s = s.withPrecision(Setup.Precision.MIXED_BF16);
            prev = add(out, ++n, "bf16 autocast", "M6", "free", false, s, prev, gpuBytes);
        }
        if (s.mode() == Setup.Mode.TRAIN && s.checkpointing() != Setup.Checkpointing.FULL) {
            s = s.withCheckpointing(Setup.Checkpointing.FULL);
            prev = add(out, ++n, "activation checkpointing", "M7", "~25% slower", false, s, prev, gpuBytes);
        }
        if (s.attention() == Setup.Attention.EAGER) {
            s = s.withAttention(Setup.Attention.SDPA);
            prev = add(out, ++n, "SDPA / FlashAttention", "M11", "free", false, s, prev, gpuBytes);
        }
        if (s.mode() == Setup.Mode.TRAIN && (s.optimizer() == Setup.Optimizer.ADAMW)) {
            s = s.withOptimizer(Setup.Optimizer.ADAMW_8BIT);
            prev = add(out, ++n, "8-bit AdamW", "M12", "low", false, s, prev, gpuBytes);
        }
        if (s.mode() == Setup.Mode.TRAIN && s.gpus() > 1 && s.zeroStage() < 3) {
            s = s.withZero(3);
            prev = add(out, ++n, "ZeRO-3 / FSDP full shard over " + s.gpus() + " GPUs", "M9", "communication", false, s, prev, gpuBytes);
        }
        if (s.mode() == Setup.Mode.TRAIN && !s.offloadOptimizer()) {
            s = s.withOffload();
            prev = add(out, ++n, "CPU offload of the optimizer (ZeRO-Offload)", "M10", "several times slower", false, s, prev, gpuBytes);
        }
        if (s.seq() > 256) {
            Setup shorter = s.withSeq(s.seq() / 2);
            prev = add(out, ++n, "sequence length " + s.seq() + " → " + shorter.seq(), "M11", "free", true, shorter, prev, gpuBytes);
            s = shorter;
        }
        if (s.mode() == Setup.Mode.TRAIN && s.loraRank() == 0) {
            s = new Setup(s.model(), s.seq(), s.batch(), s.mode(), s.precision(), s.optimizer(), s.checkpointing(), s.attention(),
                    s.zeroStage(), s.gpus(), 16, Setup.Quant.NF4, s.contextBytes(), false); // adapters replace offload
            add(out, ++n, "QLoRA (4-bit base, rank-16 adapters)", "M13", "capacity", true, s, prev, gpuBytes);
        }
        return out;
    }

    private long add(List<Rung> out, int n, String fix, String kb, String cost, boolean science, Setup s, long prev, long gpu) {
        long total = engine.estimate(s, gpu).perGpuBytes().total();
        out.add(new Rung(n, fix, kb, cost, science, prev - total, total, total <= gpu));
        return total;
    }
}
