package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.SetupFromFacts;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "And with two GPUs?" about a training job that runs on one: more cards do not lower the peak by themselves. Plain
 * data parallelism keeps a whole copy and the same micro-batch on each; what helps is splitting the batch over them
 * (same effective batch) or sharding weights and states (FSDP, ZeRO-3). The three per-GPU peaks, computed, are the
 * answer; a serving passage about tensor parallelism is not.
 */
final class GpuSpread {
    private static final int FULL_SHARD = 3;

    private GpuSpread() {}

    /** The answer, or null when the change is not a GPU count alone over a training job held on unsharded cards. */
    static String whatIf(Facts change, Facts held) {
        if (!change.asMap().keySet().equals(Set.of("gpus")) || change.worldSize() == null) return null;
        int n = change.worldSize();
        int before = held.worldSize() == null ? 1 : held.worldSize();
        Optional<Setup> setup = SetupFromFacts.from(held);
        if (n <= before || setup.isEmpty()) return null;
        Setup now = setup.get();
        if (now.mode() != Setup.Mode.TRAIN || now.zeroStage() > 0 || now.seq() <= 0) return null;
        if (now.batch() <= 0) now = now.withBatch(1);
        Long card = held.gpuMemBytes();
        BudgetEngine engine = new BudgetEngine();
        Budget one = engine.estimate(now, card);
        Budget copies = engine.estimate(now.toBuilder().gpus(n).build(), card);
        List<String> out = new ArrayList<>();
        out.add(Messages.get("spread.copies", n, Bytes.human(copies.perGpuBytes().total()),
                Bytes.human(one.perGpuBytes().total())));
        int total = now.batch() * before;
        if (total % n == 0 && total / n >= 1 && total / n < now.batch()) {
            Budget split = engine.estimate(now.toBuilder().gpus(n).batch(total / n).build(), card);
            out.add(Messages.get("spread.split", total / n, n, total, Bytes.human(split.perGpuBytes().total()))
                    + verdict(split));
        }
        Budget sharded = engine.estimate(now.toBuilder().gpus(n).zeroStage(FULL_SHARD).build(), card);
        out.add(Messages.get("spread.sharded", n, Bytes.human(sharded.perGpuBytes().total())) + verdict(sharded));
        out.add(Messages.get("spread.facts"));
        return String.join("\n", out);
    }

    /**
     * "Would 4 GPUs fit?" about a job already sharded (ZeRO, FSDP): the sharded terms shrink with the cards, the
     * activations of each card's micro-batch do not. The per-GPU peak at the held micro-batch over that many cards,
     * yes or no first; when activations are the larger part, the lever that lowers them (trial21 defects 10, 11).
     * Null when the turn changes more than the GPU count or the job held is not a sharded training run.
     */
    static String sharded(Facts change, Facts held) {
        Integer n = change.worldSize() != null ? change.worldSize() : null;
        if (n == null || n < 1 || !change.asMap().keySet().equals(Set.of("gpus"))) return null;
        return shardedAt(n, held);
    }

    /** The per-GPU peak of the held sharded setup over {@code n} cards with its verdict, or null (see sharded). */
    static String shardedAt(int n, Facts held) {
        Optional<Setup> setup = SetupFromFacts.from(held);
        if (setup.isEmpty() || held.gpuMemBytes() == null) return null;
        Setup now = setup.get();
        if (now.mode() != Setup.Mode.TRAIN || now.zeroStage() <= 0 || now.seq() <= 0 || now.batch() <= 0) return null;
        Budget b = new BudgetEngine().estimate(now.toBuilder().gpus(n).build(), held.gpuMemBytes());
        if (b.fits() == null) return null;
        Budget.Terms t = b.perGpuBytes();
        List<String> out = new ArrayList<>();
        out.add(Messages.get(b.fits() ? "spread.zero.fits" : "spread.zero.short", now.zeroStage(), n, now.batch(),
                Bytes.human(t.total()), Bytes.human(held.gpuMemBytes())) + verdict(b));
        out.add(Messages.get("spread.zero.terms", Bytes.human(t.weights() + t.gradients() + t.optimizer()),
                Bytes.human(t.activations() + t.logits()), Bytes.human(t.total() - t.weights() - t.gradients()
                        - t.optimizer() - t.activations() - t.logits())));
        // ZeRO shards states, never activations: when they exceed the shortfall, cutting them is the first lever
        if (!b.fits() && b.headroomBytes() != null && t.activations() + t.logits() > -b.headroomBytes()) {
            out.add(Messages.get("spread.zero.activations"));
        }
        return String.join("\n", out);
    }

    private static String verdict(Budget b) {
        if (b.fits() == null || b.gpuBytes() == null) return "";
        return b.fits() ? Messages.get("spread.fits", Bytes.human(b.headroomBytes()))
                : Messages.get("spread.short", Bytes.human(-b.headroomBytes()));
    }
}
