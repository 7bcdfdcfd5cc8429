package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.BatchFinder;
import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.budget.Setup;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.PhaseHints;
import io.oomdoc.protocol.Report;
import io.oomdoc.protocol.SetupFromFacts;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Computed answers: what fits (micro-batch with the accumulation that keeps the effective batch) and what a change
 * would do (the budget before and after, term by term). An input the budget needs and nobody said is asked for,
 * never assumed: a fit claimed without the sequence length would be a guess.
 */
final class BudgetAnswers {
    /**
     * An answer, or the key of the fact that must be asked for first; a verdict (yes or no) stays the first line, so
     * no computed line is put above it.
     */
    record Result(String text, String missingKey, boolean verdict) {
        Result(String text, String missingKey) { this(text, missingKey, false); }
    }

    private static final long NANOCHAT_TOTAL_TOKENS = 524_288L;
    private static final Pattern HALVE = Pattern.compile("(?i)\\bhalve|\\bhalf\\b");
    private static final Pattern LOG_LENGTH = Pattern.compile("--max-model-len (\\d+)");
    private static final Pattern DOUBLE = Pattern.compile("(?i)\\bdouble");
    private static final Pattern OTHER_HALVED = Pattern.compile("(?i)\\b(?:halve|halving|double|doubling)\\s+"
            + "(?:the\\s+|my\\s+|our\\s+)?([\\w-]+)");
    /** A length asked about; a flag followed by its value ("--max-seq-len 1024") states the length instead. */
    private static final Pattern LENGTH_Q = Pattern.compile("(?i)(?:max[_ -]model[_ -]len|max[_ -]seq(?:uence)?[_ -]"
            + "len)(?!\\s*[=:]?\\s*\\d)|context|sequence length"
            + "|longest|how long");
    private static final Pattern UTILIZATION = Pattern.compile("(?i)(?:gpu[_-]memory[_-]utilization|utilization"
            + "|\\bat)\\s*[=:]?\\s*(0?\\.\\d+)");
    private static final Pattern SERVING_LENGTH = Pattern.compile("(?i)max[_-]model[_-]len|--ctx-size|n_ctx"
            + "|max[_-]total[_-]tokens");
    private static final long ACTIVATION_RESERVE = 1L << 30;
    private static final int PROBE_TOKENS = 1024;

    /**
     * The longest context that fits: for a serving engine the KV cache that remains of utilization × card after the
     * weights; for training the longest sequence whose budget fits at the batch held.
     */
    static Result longest(String text, Facts f) {
        String missing = SetupFromFacts.from(f).isEmpty() ? "model" : f.gpuMemBytes() == null ? "gpu" : null;
        if (missing != null) return askAfterWhatIsKnown(missing, text, f, null);
        long gpu = f.gpuMemBytes();
        BudgetEngine engine = new BudgetEngine();
        // a job that only runs the model ("generation": Regime's hint for a conversation about running one) has a KV
        // cache, not gradients and optimizer state, beside its weights
        if (PhaseHints.runsOnly(f.phaseHint()) || UTILIZATION.matcher(text).find()) {
            var m = UTILIZATION.matcher(text);
            double util = m.find() ? Double.parseDouble(m.group(1)) : ServingPool.DEFAULT_UTILIZATION;
            Setup s = SetupFromFacts.from(f.with(b
                    -> b.phaseHint("serving").seqLen(PROBE_TOKENS).batch(1))).orElseThrow();
            Budget one = engine.estimate(s, gpu);
            long perToken = Math.max(1, one.perGpuBytes().kvCache() / PROBE_TOKENS);
            long room = (long) (util * gpu) - one.perGpuBytes().weights() - s.contextBytes() - ACTIVATION_RESERVE;
            if (room <= 0) return new Result(Messages.get("longest.none", util, Bytes.human(gpu), name(s),
                    Bytes.human(one.perGpuBytes().weights())), null);
            long tokens = room / perToken;
            return new Result(Messages.get("longest.serving", tokens, util, Bytes.human(gpu), name(s),
                    Bytes.human(one.perGpuBytes().weights()), Bytes.human(perToken), Bytes.human(room)), null);
        }
        Setup base = SetupFromFacts.from(f).orElseThrow();
        int batch = base.batch() > 0 ? base.batch() : 1;
        int lo = 0, hi = 1 << 17;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            Budget b = engine.estimate(SetupFromFacts.from(f.with(x -> x.seqLen(mid).batch(batch))).orElseThrow(), gpu);
            if (Boolean.TRUE.equals(b.fits())) lo = mid; else hi = mid - 1;
        }
        if (lo == 0) return new Result(Messages.get("fit.none", name(base), Bytes.human(gpu), "its fixed cost"), null);
        return new Result(Messages.get("longest.training", lo, batch, name(base), Bytes.human(gpu)), null);
    }

    private BudgetAnswers() {}

    /** The rungs still to climb: one the setup already stands on (checkpointing on, QLoRA) is not offered again. */
    private static String ladder(Setup s) {
        List<String> rungs = new ArrayList<>();
        if (s.optimizer() != Setup.Optimizer.ADAMW_8BIT && s.optimizer() != Setup.Optimizer.PAGED_ADAMW_8BIT) {
            rungs.add(Messages.get("fit.rung.optimizer"));
        }
        if (s.checkpointing() == Setup.Checkpointing.NONE) rungs.add(Messages.get("fit.rung.checkpointing"));
        boolean fourBit = s.quant() == Setup.Quant.NF4;
        if (!fourBit) rungs.add(Messages.get(s.loraRank() > 0 ? "fit.rung.qlora" : "fit.rung.lora"));
        rungs.add(Messages.get("fit.rung.shard"));
        return Messages.get("fit.ladder", String.join(", ", rungs));
    }

    static Result fit(String text, Facts f) { return fit(text, f, null); }

    /**
     * The tokens the engine's own log says its KV cache holds (vLLM's "stored in KV cache (N)"), else null. Without
     * that count the cap fix's length is FixTemplate's guess, half the context (at least 512), and a what-if anchored
     * on a guess moves the cache by the weights' whole change as if the engine had measured it.
     */
    static Integer loggedTokens(Report report) {
        if (report == null) return null;
        for (Report.Fix x : report.fixes()) {
            var after = LOG_LENGTH.matcher(x.after());
            if (!x.title().contains("KV cache holds") || !after.find()) continue;
            int tokens = Integer.parseInt(after.group(1));
            var before = LOG_LENGTH.matcher(x.before());
            boolean guessed = before.find() && tokens == Math.max(512, Integer.parseInt(before.group(1)) / 2);
            return guessed ? null : tokens;
        }
        return null;
    }

    static Result fit(String text, Facts f, Report report) {
        Integer logged = LENGTH_Q.matcher(text).find() ? loggedTokens(report) : null;
        if (logged != null) return new Result(Messages.get("longest.fromlog", logged, logged), null);
        // "how many of its layers could the 4090 hold?" (llama.cpp, Ollama): weights and cache per layer decide
        String layers = OffloadChange.layersThatFit(text, f);
        if (layers != null) return new Result(layers, null, true);
        // "can I serve it on two 4090s with 8k context?" states its length: the verdict, not the longest length.
        Result serving = ServingFit.answer(text, f);
        if (serving != null && (!LENGTH_Q.matcher(text).find() || ServingFit.statesContext(text))) return serving;
        if (LENGTH_Q.matcher(text).find()) return longest(text, f);
        // vLLM serving at a known length: what it holds is its KV-cache pool, in sequences, not a micro-batch.
        Result pool = ServingPool.applies(f) ? ServingPool.fit(text, f) : null;
        if (pool != null) return pool;
        String assumed = NanochatDefaults.said(f);
        f = NanochatDefaults.filled(f);
        String missing = missing(f, true);
        // "which GPU do I need to run it in bf16?": the card is what is asked, not an input to ask back for
        if ("gpu".equals(missing) && CardsForNeed.asks(text)) return new Result(CardsForNeed.of(need(text, f)), null);
        if ("seq".equals(missing)) return fixedCostThenAsk(f);
        if (missing != null) return askAfterWhatIsKnown(missing, text, f, report);
        return new Result(microBatchThatFits(f, SetupFromFacts.from(f).orElseThrow(), assumed), null);
    }

    /** The largest micro-batch that fits the card held and its accumulation, or why none does and the ladder. */
    private static String microBatchThatFits(Facts f, Setup s, String assumed) {
        long gpu = f.gpuMemBytes();
        int target = s.batch() > 0 ? s.batch() : 1;
        Budget now = new BudgetEngine().estimate(s.withBatch(target), gpu);
        // nanochat keeps tokens per optimizer step, not samples per GPU: every device batch whose rows divide
        // --total-batch-size over the GPUs is allowed, so the finder keeps that many rows per step.
        int rows = nanochat(s) ? (int) Math.max(1, (f.totalBatch() != null ? f.totalBatch() : NANOCHAT_TOTAL_TOKENS)
                / Math.max(1, s.seq())) : target;
        // no batch said: the question is the largest that fits, not how to keep an effective batch of one
        BatchFinder.Result r = s.batch() <= 0 && !nanochat(s) ? new BatchFinder().largest(s, gpu)
                : new BatchFinder().find(s.withBatch(Math.min(target, rows)), gpu, rows);
        List<String> out = new ArrayList<>();
        if (r.microBatch() == 0) {
            out.add(noneFits(s, gpu, now));
            out.add(ladder(s));
        } else if (nanochat(s)) {
            out.addAll(nanochatFit(f, s, r, assumed));
        } else {
            out.add(Messages.get("fit.micro", r.microBatch(), name(s), s.seq(), Bytes.human(gpu),
                    Bytes.human(r.budget().perGpuBytes().total())));
            // a layer split (device_map) runs one copy of the model: one data-parallel rank, whatever the cards
            if (s.batch() > 0) out.add(Messages.get("fit.accum", r.microBatch(), r.accumulationSteps(),
                    s.dataParallel(), r.effectiveBatch()));
        }
        out.add(terms(r.microBatch() > 0 ? r.budget() : now));
        return String.join("\n", out);
    }

    /** nanochat's device batch, the accumulation its total batch in tokens then takes, and how to check it. */
    private static List<String> nanochatFit(Facts f, Setup s, BatchFinder.Result r, String assumed) {
        List<String> out = new ArrayList<>();
        long tokens = f.totalBatch() != null ? f.totalBatch() : NANOCHAT_TOTAL_TOKENS;
        long accum = Math.max(1, tokens / ((long) r.microBatch() * s.seq() * Math.max(1, s.gpus())));
        out.add(Messages.get("fit.nanochat", r.microBatch(), s.seq(), Bytes.human(f.gpuMemBytes()),
                Bytes.human(r.budget().perGpuBytes().total())));
        if (assumed != null) out.add(assumed);
        out.add(Messages.get("fit.nanochat.accum", tokens, accum, r.microBatch(), s.seq(), Math.max(1, s.gpus())));
        out.add(Messages.get("fit.nanochat.check", r.microBatch() * 2));
        return out;
    }

    static Result whatIf(String text, Facts f, Facts hypothetical, Report report) {
        Facts change = hypothetical.isEmpty() ? relative(text, f) : hypothetical;
        // What the change does is explained by the glossary before a how-to's note on how to make it.
        String scaled = Scaling.of(text, f);
        String note = whatIfNote(text, f, change, report, scaled);
        Facts after = f.merge(change);
        Result early = answeredWithoutDelta(text, f, change, after, note, report);
        return early != null ? early : withDelta(text, f, change, after, note, scaled, report);
    }

    /** The passage, the setting's own effect, the proportion and the weights' size that go beside a what-if. */
    private static String whatIfNote(String text, Facts f, Facts change, Report report, String scaled) {
        // A batch or length change answered by proportion needs no passage found by its other words ("batch 8" is
        // not about 8-bit Adam); nor does an adapter's rank, computed below ("rank 8" is not a distributed rank).
        boolean rankOnly = change.asMap().keySet().equals(java.util.Set.of("lora_rank"));
        // A setting spelled out ("enable_sequential_cpu_offload") is answered by its own row's effect first, then by
        // the term its words share ("offload", "num_workers=0"), which may say what the value asked does; a change
        // computed below needs neither.
        String knob = scaled != null || rankOnly ? null : KnobAnswers.namedEffect(text);
        String found = Topics.find(Topics.glossary(), text).map(Topics::explained)
                .or(() -> Topics.find(Topics.howTo(), text).filter(t -> !t.note().isBlank())
                        .map(t -> t.note() + " [" + t.kb() + "]"))
                // a setting's own row already says what it does: a passage found by the other words adds noise
                .or(() -> scaled != null || rankOnly || knob != null ? java.util.Optional.empty()
                        : KnowledgeSearch.answer(text, report))
                .orElse(null);
        // a term that already names the same setting (gpu_memory_utilization's own entry) says it once, not twice
        String note = knob == null ? found : found == null ? knob
                : knob.equals(KnobAnswers.namedEffect(found)) ? found : knob + "\n" + found;
        if (scaled != null) note = note == null ? scaled : scaled + "\n" + note;
        // A format named ("in 8-bit", "--dtype half") is answered by the weights' size first: the figure that holds
        // whether the job trains or serves.
        // "q8_0 for the KV cache" names the cache's type: the weights keep theirs.
        if (Sizes.formatNamed(text) && !KvCacheTypes.said(text)) {
            String size = Sizes.weights(text, f);
            if (size != null) note = note == null ? size : size + "\n" + note;
        }
        return note;
    }

    /**
     * A what-if that no budget delta answers: offload said in the turn, a serving pool, GPUs spread, host RAM, no model
     * to budget, or nothing held to compare with; null when the delta is the answer.
     */
    private static Result answeredWithoutDelta(String text, Facts f, Facts change, Facts after, String note,
            Report report) {
        // Layers on the GPU, --cpu-offload-gb, optimizer or parameter offload: no fact holds them, the turn does.
        String offload = OffloadChange.of(text, after);
        if (offload != null) return new Result(note == null ? offload : offload + "\n" + note, null);
        // Another card, a 4-bit checkpoint, another GPU count or share under vLLM/SGLang changes the KV-cache pool,
        // not a training peak; without a held length the pool is said in tokens and the length asked for.
        boolean pooled = ServingPool.applies(f) || ServingPool.preallocates(after);
        String pool = pooled && (ServingPool.moves(change) || ServingPool.shareSaid(text) != null)
                ? ServingPool.whatIf(text, f, change, loggedTokens(report)) : null;
        if (pool != null) return new Result(pool, null);
        if (change.isEmpty()) return new Result(note != null ? note : Messages.get("whatif.unclear"), null);
        // "and with two GPUs?" for a training job: copies, a split batch and sharding, not one DDP delta
        String spread = GpuSpread.whatIf(change, f);
        // the GPU count already held is no change: "the same as the setup held" below says so
        if (spread == null && !java.util.Objects.equals(change.worldSize(), f.worldSize())) {
            spread = GpuSpread.sharded(change, f);
            if (spread != null) spread += "\n" + Messages.get("whatif.adopt");
        }
        if (spread != null) return new Result(spread, null);
        // Host RAM ran out (workers, a dataset in memory): the GPU budget's model is not what the answer needs.
        if (HostRamNeed.applies(report, after)) {
            return new Result(note != null ? note : Messages.get("whatif.unclear"), null);
        }
        if (SetupFromFacts.from(after).isEmpty()) {
            String ask = Messages.get("ask.model");
            // "cast the diffusion model to fp16": with no model to budget, the format's bytes are the answer
            String format = PrecisionChange.of(change, f);
            String said = format == null ? note : note == null ? format : format + "\n" + note;
            return new Result(said == null ? ask : said + "\n" + ask, "model");
        }
        // Nothing held to compare with: "would a full fine-tune of a 3B fit an A100 80GB?" asks what it costs.
        if (SetupFromFacts.from(f).isEmpty()) {
            Result fit = fit(text, after, report);
            return note == null || fit.missingKey() == null ? fit : new Result(fit.text() + "\n" + note,
                    fit.missingKey());
        }
        return null;
    }

    /** The budget before and after the change: the head line, the verdict on the card, the terms that moved. */
    private static Result withDelta(String text, Facts f, Facts change, Facts after, String note, String scaled,
            Report report) {
        Setup a = SetupFromFacts.from(f.merge(onlySetup(change, f))).orElseThrow(),
                b = SetupFromFacts.from(after).orElseThrow();
        if (SetupFromFacts.from(f).isPresent()) a = SetupFromFacts.from(f).orElseThrow();
        if (a.batch() <= 0) a = a.withBatch(1);
        if (b.batch() <= 0) b = b.withBatch(a.batch());
        Long gpu = after.gpuMemBytes();
        BudgetEngine engine = new BudgetEngine();
        Budget now = engine.estimate(a, f.gpuMemBytes() != null ? f.gpuMemBytes() : gpu), then = engine.estimate(b,
                gpu);
        long delta = then.perGpuBytes().total() - now.perGpuBytes().total();
        // Without a length the budget holds no activations, so a batch change moves nothing it counts: the proportion
        // is the answer, not "saves 0 B".
        if (delta == 0 && b.seq() <= 0 && scaled != null) return new Result(proportionOnly(note, change, f), null);
        List<String> out = new ArrayList<>();
        out.add(headLine(describeChange(change, f, text), a, b, now, then, delta));
        // "fp16 instead of bf16": the same bytes, so range and the loss scaler are what the change means
        String sixteen = PrecisionChange.sixteenBits(change, f);
        if (sixteen != null) out.add(sixteen);
        String fused = againstEager(change, a, b, engine, gpu);
        if (fused != null) out.add(fused);
        if (gpu != null) out.add(onTheCard(gpu, then));
        // QLoRA unsaid about checkpointing is budgeted with it on (the k-bit recipes' default): say how much of the
        // saving that is, so the change is not credited with what checkpointing does
        if (b.checkpointingAssumed() && a.checkpointing() != b.checkpointing()) {
            Budget without = engine.estimate(b.withCheckpointing(a.checkpointing()), gpu);
            out.add(Messages.get("whatif.ckpt.assumed", Bytes.human(without.perGpuBytes().total())));
        }
        // with no length held, "before" has no activations and its gradients and states are netted against none:
        // the new estimate's own terms say more than a difference
        boolean sameStates = a.optimizer() == b.optimizer() && a.zeroStage() == b.zeroStage() && a.gpus() == b.gpus()
                && a.offloadOptimizer() == b.offloadOptimizer() && now.trainableParams() == then.trainableParams();
        // the same bytes in the other 16-bit format: the line above already says nothing moves
        String moved = a.seq() <= 0 && b.seq() > 0 ? terms(then) : changedTerms(now, then, sameStates);
        // nor does a head that says the peak is the same ("no budget term changes") need the line said again
        boolean saidSame = delta == 0 && moved.equals(Messages.get("whatif.nochange"));
        if ((sixteen == null || delta != 0) && !saidSame) out.add(moved);
        if (b.seq() <= 0) out.add(Messages.get("whatif.noseq"));
        closingLines(out, text, change, f, after, b, note, report);
        return new Result(String.join("\n", out), null);
    }

    /** Whether the changed setup fits the card, and by how much. */
    private static String onTheCard(long gpu, Budget then) {
        return then.fits() == null
                ? Messages.get("whatif.unknown", Bytes.human(gpu), Bytes.human(then.headroomBytes()))
                : then.fits() ? Messages.get("whatif.fits", Bytes.human(gpu), Bytes.human(then.headroomBytes()))
                : Messages.get("whatif.nofit", Bytes.human(gpu), Bytes.human(-then.headroomBytes()));
    }

    /** The what-if's first line: the new total against the old, or the total alone when there is nothing to net. */
    private static String headLine(String described, Setup a, Setup b, Budget now, Budget then, long delta) {
        // The length held is unknown: a delta against a budget without activations would be meaningless.
        if (a.seq() <= 0 && b.seq() > 0) {
            return Messages.get("whatif.head.nobase", described, Bytes.human(then.perGpuBytes().total()));
        }
        // The change is what is held already ("with 8 cards" on an 8-GPU setup): the estimate, not "saves 0 B".
        if (delta == 0) return Messages.get("whatif.head.same", described, Bytes.human(then.perGpuBytes().total()));
        return Messages.get("whatif.head", described, Bytes.human(then.perGpuBytes().total()),
                Bytes.human(now.perGpuBytes().total()),
                (delta <= 0 ? "saves " : "adds ") + Bytes.human(Math.abs(delta)));
    }

    /** The batch kept, how to make the change in the stack held, the note, the cause when it is another, adopt. */
    private static void closingLines(List<String> out, String text, Facts change, Facts f, Facts after, Setup b,
            String note, Report report) {
        if (nanochat(b) && change.batch() != null) {
            long tokens = after.totalBatch() != null ? after.totalBatch() : NANOCHAT_TOTAL_TOKENS;
            out.add(Messages.get("fit.nanochat.accum", tokens, Math.max(1, tokens / ((long) b.batch() * Math.max(1,
                    b.seq()) * Math.max(1, b.gpus()))),
                    b.batch(), b.seq(), Math.max(1, b.gpus())));
        }
        String accum = keepEffectiveBatch(change, f);
        if (!nanochat(b) && accum != null) out.add(accum);
        // How to make the change in the stack held, when it fits the 12 lines beside the note (the note carries the
        // computed sizes, so it stays).
        String how = StackHow.line(text, change, f);
        long used = String.join("\n", out).lines().count() + (note == null ? 0 : note.lines().count()) + 2;
        if (how != null && used + how.lines().count() <= Answer.MAX_LINES) out.add(how);
        if (note != null) out.add(note);
        if (report != null && !report.category().equals("activations_batch")
                && !report.category().equals("model_too_large"))
            out.add(Messages.get("whatif.cause", CauseWords.of(report.category())));
        out.add(Messages.get("whatif.adopt"));
    }

    /**
     * "What if I use flash attention?" on a setup the budget already counts with a fused kernel (SDPA, the default of
     * PyTorch 2 and of Transformers): the figure that answers is what the fused kernel saves against eager attention.
     */
    private static String againstEager(Facts change, Setup a, Setup b, BudgetEngine engine, Long gpu) {
        if (change.attention() == null || a.attention() == Setup.Attention.EAGER
                || b.attention() == Setup.Attention.EAGER || b.seq() <= 0) return null;
        Budget eager = engine.estimate(b.withAttention(Setup.Attention.EAGER), gpu),
                fused = engine.estimate(b, gpu);
        long saved = eager.perGpuBytes().total() - fused.perGpuBytes().total();
        if (saved <= 0) return null;
        return Messages.get("whatif.attention.eager", Bytes.human(saved), b.seq(), b.batch(),
                Bytes.human(eager.perGpuBytes().total()));
    }

    private static String proportionOnly(String note, Facts change, Facts f) {
        List<String> out = new ArrayList<>(List.of(note));
        String accum = keepEffectiveBatch(change, f);
        if (accum != null) out.add(accum);
        out.add(Messages.get("whatif.noseq").strip());
        out.add(Messages.get("whatif.adopt"));
        return String.join("\n", out);
    }

    /** A smaller micro-batch keeps the science with more accumulation steps: the count that keeps it. */
    private static String keepEffectiveBatch(Facts change, Facts f) {
        if (change.batch() == null || f.batch() == null || change.batch() >= f.batch()) return null;
        int steps = f.gradAccum() == null ? 1 : f.gradAccum();
        return Messages.get("whatif.accum", change.batch(), Math.max(1, steps * f.batch() / Math.max(1,
                change.batch())), f.batch() * steps);
    }

    /**
     * A what-if that names the model ("how much would 8-bit Adam save on a 138M model") sets the baseline's model too.
     */
    private static Facts onlySetup(Facts change, Facts f) {
        if (SetupFromFacts.from(f).isPresent()) return Facts.EMPTY;
        return Facts.builder().model(change.model()).params(change.params()).build();
    }

    private static String describeChange(Facts change, Facts f, String text) {
        String d = Conversation.describe(change);
        return "serving".equals(f.phaseHint()) || SERVING_LENGTH.matcher(text).find()
                ? d.replace("seq ", "max_model_len ") : d;
    }

    /** One line for a statement of setup: the peak and whether it fits, when the budget can be computed. */
    static String summary(Facts f) {
        if (missing(f, false) != null) return null;
        Setup s = SetupFromFacts.from(f).orElseThrow();
        if (s.batch() <= 0) return null;
        // "DeepSpeed ZeRO-3 on 2x A100 80GB, batch 4": the peak is per GPU under that sharding, said so, with its terms
        String sharded = GpuSpread.shardedAt(Math.max(1, s.gpus()), f);
        if (sharded != null) return sharded;
        Budget b = new BudgetEngine().estimate(s, f.gpuMemBytes());
        return Messages.get(Boolean.TRUE.equals(b.fits()) ? "summary.fits" : "summary.nofit", name(s), s.batch(),
                s.seq(),
                Bytes.human(b.perGpuBytes().total()), Bytes.human(f.gpuMemBytes()));
    }

    /** The first input a budget cannot do without; the sequence length only when activations matter. */
    private static String missing(Facts f, boolean needSeq) {
        if (SetupFromFacts.from(f).isEmpty()) return "model";
        if (f.gpuMemBytes() == null) return "gpu";
        if (f.seqLen() == null && (needSeq || f.batch() != null)) return "seq";
        return null;
    }

    /**
     * What the setup needs on one card before headroom: for a run the weights and the runtime's share, for training
     * the fixed cost as well; with a length held, the activations or cache too. "To run it" says the regime when no
     * turn did.
     */
    private static long need(String text, Facts f) {
        Facts g = f.phaseHint() == null && RUN.matcher(text).find()
                ? f.with(b -> b.phaseHint(PhaseHints.GENERATION)) : f;
        Setup s = SetupFromFacts.from(g).orElseThrow();
        return new BudgetEngine().estimate(s.withBatch(Math.max(1, s.batch())), null).perGpuBytes().total();
    }

    private static final Pattern RUN = Pattern.compile("(?i)\\brun(?:s|ning)?\\b(?![^.?!]*\\btrain)");

    private static Result askAfterWhatIsKnown(String missing, String text, Facts f, Report report) {
        String known = beforeAsking(text, f, report);
        return known == null ? ask(missing) : new Result(known + "\n" + Messages.get("ask." + missing), missing);
    }

    private static Result ask(String key) { return new Result(Messages.get("ask." + key), key); }

    /**
     * Without the sequence length the activations are unknown, but the fixed cost is not: say it (it alone may settle
     * the question, e.g. 7B full fine-tune = 112 GB of states) and ask for the length.
     */
    private static Result fixedCostThenAsk(Facts f) {
        Setup s = SetupFromFacts.from(f).orElseThrow();
        Budget b = new BudgetEngine().estimate(s.withBatch(Math.max(1, s.batch())), f.gpuMemBytes());
        long fixed = fixedCost(b);
        if (shapeless(s)) {
            // an image, video or vision model has no context length: its weights against the card are what is known
            long w = b.perGpuBytes().weights(), gpu = f.gpuMemBytes();
            return new Result(Messages.get("fit.weights.run", name(s), Bytes.human(w), Bytes.human(gpu),
                    w < gpu ? Messages.get("fit.weights.run.room", Bytes.human(gpu - w))
                            : Messages.get("fit.weights.run.over")), null);
        }
        if (s.mode() == Setup.Mode.INFER) {
            // the verdict on the weights leads; the cache the context adds is what is asked for after it
            return new Result(WeightsOnCard.of(f) + "\n" + Messages.get("ask.seq.serving"), "seq");
        }
        String line = Messages.get("fit.fixed", name(s), Bytes.human(fixed), Math.max(1, s.gpus()),
                Bytes.human(f.gpuMemBytes()), fixed < f.gpuMemBytes() ? Messages.get("fit.fixed.room",
                        Bytes.human(f.gpuMemBytes() - fixed)) : Messages.get("fit.fixed.over"));
        String perParam = perParameter(s);
        return new Result(line + (perParam == null ? "" : "\n" + perParam) + "\n" + Messages.get("ask.seq"), "seq");
    }

    /**
     * A model run, not trained, whose catalog row has no language-model shape (FLUX's transformer, SDXL's UNet, a
     * ResNet): no KV cache grows with a context, so no length is asked; the lever for the pipeline says the rest.
     */
    static boolean runsShapeless(Facts f) {
        return SetupFromFacts.from(f).map(BudgetAnswers::shapeless).orElse(false);
    }

    /** Only a catalog row says a model has no such shape: a size alone or an unknown name may be a language model. */
    private static boolean shapeless(Setup s) {
        return s.mode() == Setup.Mode.INFER && ModelCatalog.find(s.model().name())
                .map(m -> m.layers() == 0).orElse(false);
    }

    private static final Pattern TO_NUMBER = Pattern.compile("(?i)(?:down to|drop (?:it )?to|reduce (?:it )?to|go "
            + "(?:down )?to|try|use"
            + "|with|at)\\s+(\\d{1,4})\\b(?!\\s*(?:gb|gib|k|b\\b|%|bit|-bit))");

    /** "halve it", "double the batch", "go down to 8": a change relative to the batch held. */
    private static Facts relative(String text, Facts f) {
        if (f.batch() == null) return Facts.EMPTY;
        var n = TO_NUMBER.matcher(text);
        if (n.find()) return Facts.builder().batch(Integer.parseInt(n.group(1))).build();
        // "halve the resolution", "double the frames": another quantity is named, not the batch
        var other = OTHER_HALVED.matcher(text);
        if (other.find() && !other.group(1).toLowerCase(Locale.ROOT).matches("batch.*|bs|micro.*|it|that|this"))
            return Facts.EMPTY;
        if (HALVE.matcher(text).find()) return Facts.builder().batch(Math.max(1, f.batch() / 2)).build();
        if (DOUBLE.matcher(text).find()) return Facts.builder().batch(f.batch() * 2).build();
        return Facts.EMPTY;
    }

    private static boolean nanochat(Setup s) { return s.model().name().startsWith("nanochat"); }

    private static String name(Setup s) { return s.model().name(); }

    /**
     * What can be said before the missing input is given: the states' size per parameter when the model is known
     * (the card is not needed for it), and the knowledge's answer to the question ("how do I estimate what ZeRO-3
     * offload needs").
     */
    private static String beforeAsking(String text, Facts f, Report report) {
        List<String> out = new ArrayList<>();
        var setup = SetupFromFacts.from(f);
        if (setup.isPresent() && setup.get().mode() != Setup.Mode.INFER) {
            String perParam = perParameter(setup.get());
            if (perParam != null) out.add(perParam);
        }
        KnowledgeSearch.answer(text, report, KnowledgeAnswers.engines(f, report)).ifPresent(out::add);
        return out.isEmpty() ? null : String.join("\n", out);
    }

    /**
     * The arithmetic an expert does first: bytes per parameter of the fixed cost on one unsharded copy, times the
     * parameters, then what sharding over the GPUs leaves on each.
     */
    private static String perParameter(Setup s) {
        Budget one = new BudgetEngine().estimate(s.withBatch(1).withGpus(1), null);
        long params = one.params();
        if (params <= 0) return null;
        long all = fixedCost(one);
        return Messages.get("fit.perparam", String.format(Locale.ROOT, "%.1f", (double) all / params),
                String.format(Locale.ROOT, "%.2fB", params / 1e9), Bytes.human(all),
                String.format(Locale.ROOT, "%.0f GB", all / 1e9));
    }

    /**
     * Why not even micro-batch 1 fits: the fixed cost alone when it is over the card, else the activations of one
     * sample on top of it ("weights ... alone take 15.43 GiB" on a 24 GiB card would contradict itself).
     */
    private static String noneFits(Setup s, long gpu, Budget now) {
        long fixed = fixedCost(now);
        Budget one = new BudgetEngine().estimate(s.withBatch(1), gpu);
        long rest = one.perGpuBytes().total() - fixed;
        if (fixed >= gpu || s.seq() <= 0 || rest <= 0) {
            return Messages.get("fit.none", name(s), Bytes.human(gpu), Bytes.human(fixed));
        }
        return Messages.get("fit.none.activations", name(s), Bytes.human(gpu), Bytes.human(fixed),
                Bytes.human(gpu - fixed), s.seq(), Bytes.human(rest));
    }

    static long fixedCost(Budget b) {
        Budget.Terms t = b.perGpuBytes();
        return t.weights() + t.gradients() + t.optimizer();
    }

    private static String terms(Budget b) {
        Budget.Terms t = b.perGpuBytes();
        String terms = Messages.get("terms", Bytes.human(t.weights()), Bytes.human(t.gradients()),
                Bytes.human(t.optimizer()),
                Bytes.human(t.activations() + t.logits()), Bytes.human(t.overhead()));
        return t.kvCache() > 0 ? terms + Messages.get("terms.kv", Bytes.human(t.kvCache())) : terms;
    }

    /**
     * The terms that moved. With the same trainable parameters, optimizer and sharding, the gradients and states
     * keep their size: what moves in those terms is only their share of the peak over the activations backward frees
     * (BudgetEngine's netting), so it is counted with the activations (a length or batch changes those alone).
     */
    private static String changedTerms(Budget a, Budget b, boolean statesKept) {
        Budget.Terms x = a.perGpuBytes(), y = b.perGpuBytes();
        boolean sameStates = statesKept && (x.gradients() != y.gradients() || x.optimizer() != y.optimizer());
        String[] names = {"weights", "gradients", "optimizer", sameStates ? Messages.get("whatif.peakActivations")
                : "activations", "KV cache"};
        long xs = sameStates ? x.gradients() + x.optimizer() : 0, ys = sameStates ? y.gradients() + y.optimizer() : 0;
        long[] before = {x.weights(), x.gradients(), x.optimizer(), x.activations() + x.logits() + xs, x.kvCache()};
        long[] after = {y.weights(), y.gradients(), y.optimizer(), y.activations() + y.logits() + ys, y.kvCache()};
        StringBuilder sb = new StringBuilder("  ");
        for (int i = 0; i < names.length; i++) {
            if (before[i] == after[i] || sameStates && (i == 1 || i == 2)) continue;
            if (sb.length() > 2) sb.append(" · ");
            sb.append(String.format(Locale.ROOT, "%s %s → %s", names[i], Bytes.human(before[i]),
                    Bytes.human(after[i])));
        }
        return sb.length() > 2 ? sb.toString() : Messages.get("whatif.nochange");
    }

}
