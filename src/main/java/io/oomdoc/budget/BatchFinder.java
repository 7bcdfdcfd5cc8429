package io.oomdoc.budget;

/** The largest micro-batch that fits, and the accumulation that keeps an effective batch (knowledge M5). */
public final class BatchFinder {
    public record Result(int microBatch, int accumulationSteps, int effectiveBatch, Budget budget) {}

    private final BudgetEngine engine = new BudgetEngine();

    /** Returns microBatch 0 when not even a batch of one fits. */
    public Result find(Setup s, long gpuBytes, int effectiveBatch) {
        int lo = 0, hi = 1;
        while (hi <= 1 << 16 && fits(s.withBatch(hi), gpuBytes)) { lo = hi; hi *= 2; }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (fits(s.withBatch(mid), gpuBytes)) lo = mid; else hi = mid;
        }
        int micro = lo;
        int target = effectiveBatch > 0 ? effectiveBatch : s.batch() * Math.max(1, s.gpus());
        int perStep = Math.max(1, micro) * Math.max(1, s.gpus());
        int accum = micro == 0 ? 0 : Math.max(1, (int) Math.ceil(target / (double) perStep));
        if (micro > 0 && target > 0) { // prefer a micro-batch that divides the effective batch exactly
            for (int b = micro; b >= Math.max(1, micro / 2); b--) {
                if (target % (b * Math.max(1, s.gpus())) == 0) { micro = b; accum = target / (b * Math.max(1, s.gpus())); break; }
            }
        }
        Budget at = engine.estimate(s.withBatch(Math.max(1, micro)), gpuBytes);
        return new Result(micro, accum, micro * accum * Math.max(1, s.gpus()), at);
    }

    private boolean fits(Setup s, long gpuBytes) {
        return engine.estimate(s, gpuBytes).perGpuBytes().total() <= gpuBytes;
    }
}
