package io.oomdoc.budget;

import java.util.ArrayList;
import java.util.List;

/**
 * The largest micro-batch that fits, and the accumulation that keeps the effective batch exactly (knowledge M5):
 * micro × accumulation × GPUs equals the requested effective batch, the micro-batch chosen among the divisors.
 * The card is taken as PyTorch sees it: the marketed size less what the driver keeps (the CUDA context is in the
 * budget).
 */
public final class BatchFinder {
    /**
     * {@code exact} is false when the effective batch cannot be split over the GPUs (it is then rounded up, and said
     * so).
     */
    public record Result(int microBatch, int accumulationSteps, int effectiveBatch, Budget budget, boolean exact,
            List<String> notes) {
        public Result(int microBatch, int accumulationSteps, int effectiveBatch, Budget budget) {
            this(microBatch, accumulationSteps, effectiveBatch, budget, true, List.of());
        }
    }

    private final BudgetEngine engine = new BudgetEngine();

    /** Memory PyTorch can use on a card of this size (GpuCatalog.usableBytes). */
    public static long usableBytes(long gpuBytes) {
        return GpuCatalog.usableBytes(gpuBytes);
    }

    /** Returns microBatch 0 when not even a batch of one fits. */
    public Result find(Setup s, long gpuBytes, int effectiveBatch) {
        // the data-parallel copies share the effective batch; a model split over its GPUs by layers is one copy
        int gpus = s.dataParallel();
        int target = effectiveBatch > 0 ? effectiveBatch : Math.max(1, s.batch()) * gpus;
        int perGpu = (int) Math.ceil(target / (double) gpus);
        int largest = largestFitting(s, gpuBytes, perGpu);
        if (largest == 0) return noneFits(s, gpuBytes, perGpu);
        List<String> notes = new ArrayList<>();
        // not divisible over the GPUs: the smallest effective batch above the request that they can share
        boolean exact = target % gpus == 0;
        int micro = largestDivisor(perGpu, largest), accum = perGpu / micro;
        if (!exact) {
            notes.add(AssumptionText.get("batch.notDivisible", target, gpus, micro * accum * gpus));
        } else if (2 * micro <= largest) {
            // few divisors (a prime batch): exactness costs more than half the micro-batch that fits; say so and name
            // the nearest effective batch that runs the largest one
            int steps = (perGpu + largest - 1) / largest;
            notes.add(AssumptionText.get("batch.fewDivisors", target, micro + 1, largest, micro,
                    largest * steps * gpus, largest, steps));
        }
        // torchtune's recipes refuse gradient accumulation with optimizer_in_bwd (each gradient is gone once its
        // parameter has stepped): the plan needs the optimizer back in the step
        if (s.optimizerInBackward() && accum > 1) notes.add(AssumptionText.get("batch.optimizerInBackward", accum));
        Budget at = engine.estimate(atMicro(s, micro, accum), gpuBytes);
        return new Result(micro, accum, micro * accum * gpus, at, exact, List.copyOf(notes));
    }

    /**
     * The largest micro-batch that fits with the gradients held through accumulation (a micro-batch below the per-GPU
     * batch means accumulation: the gradients then wait through each forward, and the optimizer steps after backward,
     * since optimizer-in-backward frees each gradient as it lands), or the whole per-GPU batch when it fits as run.
     */
    private int largestFitting(Setup s, long gpuBytes, int perGpu) {
        int lo = search(s.toBuilder().gradientsKept(true).optimizerInBackward(false).build(), gpuBytes);
        return lo < perGpu && fits(s.withBatch(perGpu), gpuBytes) ? perGpu : lo;
    }

    /**
     * With no effective batch to keep ("what batch fits?"), the largest micro-batch per GPU that fits as run, without
     * accumulation: keeping an effective batch of one would answer 1 whatever the card's room.
     */
    public Result largest(Setup s, long gpuBytes) {
        int micro = search(s, gpuBytes);
        if (micro == 0) return noneFits(s, gpuBytes, 1);
        return new Result(micro, 1, micro * s.dataParallel(), engine.estimate(s.withBatch(micro), gpuBytes));
    }

    /** The largest batch of this setup that fits, by doubling then bisection; 0 when one does not. */
    private int search(Setup s, long gpuBytes) {
        int lo = 0, hi = 1;
        while (hi <= 1 << 16 && fits(s.withBatch(hi), gpuBytes)) { lo = hi; hi *= 2; }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (fits(s.withBatch(mid), gpuBytes)) lo = mid; else hi = mid;
        }
        return lo;
    }

    /** The peak shown is the one that failed: micro-batch 1 with the gradients held through accumulation. */
    private Result noneFits(Setup s, long gpuBytes, int perGpu) {
        List<String> why = new ArrayList<>(List.of(AssumptionText.get("batch.noneFits")));
        if (s.optimizerInBackward() && perGpu > 1) why.add(AssumptionText.get("batch.optimizerInBackward", perGpu));
        return new Result(0, 0, 0, engine.estimate(atMicro(s, 1, perGpu), gpuBytes), false, List.copyOf(why));
    }

    /** The largest divisor of the per-GPU batch that is at most the largest micro-batch that fits. */
    private static int largestDivisor(int perGpu, int largest) {
        for (int d = Math.min(largest, perGpu); d >= 1; d--) if (perGpu % d == 0) return d;
        return 1;
    }

    /** The setup as it runs at this micro-batch: with accumulation its gradients are held through the forward. */
    public static Setup atMicro(Setup s, int micro, int accumulation) {
        Setup at = s.withBatch(micro).withGradientsKept(s.gradientsKept() || accumulation > 1);
        return accumulation > 1 ? at.toBuilder().optimizerInBackward(false).build() : at;
    }

    private boolean fits(Setup s, long gpuBytes) {
        long usable = usableBytes(gpuBytes);
        // a server's pool (vLLM's share of the card, llama.cpp's context) holds so many sequences at once whatever
        // the card's room: the engine's verdict on the card says when a batch is more than that
        boolean served = s.mode() == Setup.Mode.INFER || s.quant() != Setup.Quant.NONE && s.loraRank() <= 0;
        if (served && (s.gpuMemoryUtilization() > 0 || s.contextTokens() > 0)) {
            Budget b = engine.estimate(s, gpuBytes);
            return b.perGpuBytes().total() <= usable && !Boolean.FALSE.equals(b.fits());
        }
        return engine.estimate(s, usable).perGpuBytes().total() <= usable;
    }
}
