package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.SetupFromFacts;
import io.oomdoc.util.Bytes;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A model served by an engine that takes its share of the card up front (vLLM's gpu_memory_utilization): what the
 * card holds is the KV-cache pool left after the weights, in tokens and in sequences of max_model_len at once. How
 * many requests run together, whether it fits, and what another card or a 4-bit checkpoint changes are all read
 * from that pool; a training budget (micro-batch, gradients, optimizer) does not describe a server.
 */
final class ServingPool {
    /** Engines that pre-allocate a share of the card and fill it with KV-cache blocks. */
    private static final Set<String> PREALLOCATES = Set.of("vllm", "sglang");
    /** vLLM's gpu_memory_utilization when none is stated (its engine argument's default). */
    static final double DEFAULT_UTILIZATION = 0.9;
    private static final Pattern UTILIZATION = Pattern.compile("(?i)(?:gpu[_-]memory[_-]utilization|mem[_-]fraction"
            + "[_-]static|utilization)\\s*[=:]?\\s*(0?\\.\\d+)");
    /** A question about how many requests run together ("how many concurrent 32k requests", "max_num_seqs"). */
    private static final Pattern CONCURRENCY = Pattern.compile("(?i)concurren\\w*|max[_-]num[_-]seqs|simultaneous\\w*"
            + "|in parallel|at (?:the same time|once)|how many (?:\\w+ ){0,2}(?:requests|sequences|users|prompts"
            + "|conversations|chats|clients)");
    /**
     * Asks for the count itself ("how many concurrent requests", "what max_num_seqs can I use?"), not what a
     * concurrency figure in a log means ("what does 'maximum concurrency 0.82x' mean").
     */
    private static final Pattern ASKS_COUNT = Pattern.compile("(?i)\\bhow many\\b|\\b(?:what|which) (?:--)?max[_-]num"
            + "[_-]seqs\\b(?! means?\\b)|\\bmax[_-]num[_-]seqs (?:can|should|could|do|would)\\b");
    /** "would AWQ 4-bit let it run on one H100?", "could it fit on a single card?": whether a change makes it run. */
    private static final Pattern RUNS = Pattern.compile("(?i)\\b(?:would|will|could|can|does|do)\\b.{0,60}"
            + "\\b(?:run|fit|work|serve|load|start)\\b");
    /** What a what-if may change that the pool depends on. */
    private static final Set<String> POOL_KEYS = Set.of("gpu", "gpu_mem", "gpus", "quant", "precision", "seq",
            "model", "params");
    /** Tokens of the probe that measures the cache per token. */
    private static final int PROBE_TOKENS = 1024;
    /**
     * The length profiled at start-up when no max_model_len is held: vLLM's V0 profiled max(max_model_len, 2048)
     * tokens (the budget engine's vllmPool), so 2048 is the least it takes out of the share before the cache.
     */
    private static final int PROFILE_TOKENS = 2048;
    /**
     * "At 0.9", "set it to 0.5": a bare share said in a turn about an engine that takes a share of the card is that
     * share (its gpu_memory_utilization or --mem-fraction-static), not a size or a ratio of something else.
     */
    private static final Pattern BARE_SHARE = Pattern.compile("(?i)\\b(?:at|to|of|with|use)\\s+(0?\\.\\d{1,3}|1\\.0)"
            + "(?![\\d.])(?!\\s*(?:gb|gib|mb|mib|%|x|×|bpw|bits?|b\\b|[kmb]\\b))");

    /** The pool on one setup: the cache's bytes and tokens, and the weights beside it (per GPU). */
    record Pool(long kvBytes, long tokens, long weights, int seq, double utilization, long card, long perToken) {
        double sequences() { return seq <= 0 ? 0 : tokens / (double) seq; }

        /**
         * This pool anchored on the tokens the engine itself reported for another (its log's KV-cache count): the
         * room the change frees or takes (utilization x card minus weights, per GPU) moves the cache from there.
         * The engine's profile (activations, CUDA graphs, NCCL) is measured in that count, not guessed.
         */
        Pool anchored(Pool logged, long loggedTokens) {
            long loggedKv = loggedTokens * logged.perToken();
            long kv = Math.max(0, loggedKv + room() - logged.room());
            return new Pool(kv, kv / perToken, weights, seq, utilization, card, perToken);
        }

        private long room() { return (long) (utilization * card) - weights; }
    }

    private ServingPool() {}

    /** Whether the facts describe a model served by a pre-allocating engine on a known card at a known length. */
    static boolean applies(Facts f) {
        return f.framework() != null && PREALLOCATES.contains(f.framework()) && f.gpuMemBytes() != null
                && f.seqLen() != null && SetupFromFacts.from(f).map(s -> s.mode() == Setup.Mode.INFER).orElse(false);
    }

    /**
     * Whether the facts describe a model served by a pre-allocating engine on a known card, with or without a
     * context length: its share of the card and the cache left in it are known before any length is.
     */
    static boolean preallocates(Facts f) {
        return f.framework() != null && PREALLOCATES.contains(f.framework()) && f.gpuMemBytes() != null
                && SetupFromFacts.from(f).map(s -> s.mode() == Setup.Mode.INFER).orElse(false);
    }

    /** The share of the card the turn states for the engine ("gpu_memory_utilization 0.95", "at 0.9"), or null. */
    static Double shareSaid(String text) {
        var m = UTILIZATION.matcher(text);
        if (m.find()) return Double.parseDouble(m.group(1));
        var bare = BARE_SHARE.matcher(text);
        return bare.find() ? Double.parseDouble(bare.group(1)) : null;
    }

    /** Whether the turn asks how many requests run at once. */
    static boolean asksConcurrency(String text) { return CONCURRENCY.matcher(text).find(); }

    /** Whether the turn asks how many requests run at once, as a count to compute. */
    static boolean asksHowMany(String text) { return asksConcurrency(text) && ASKS_COUNT.matcher(text).find(); }

    /** Whether the turn asks if the setup would run, fit or start (with a change it names). */
    static boolean asksRuns(String text) { return RUNS.matcher(text).find(); }

    /** Whether a what-if changes something the pool depends on. */
    static boolean moves(Facts change) { return change.asMap().keySet().stream().anyMatch(POOL_KEYS::contains); }

    /** The pool of the setup, or empty when the catalog lacks the model's layer shape. */
    static Optional<Pool> of(Facts f, String text) {
        var m = UTILIZATION.matcher(text);
        return of(f, m.find() ? Double.parseDouble(m.group(1)) : DEFAULT_UTILIZATION);
    }

    /**
     * The pool at this share of the card; without a held length the start-up profile of 2048 tokens is taken and
     * the pool counts tokens only (its seq is 0: no sequences).
     */
    static Optional<Pool> of(Facts f, double util) {
        Optional<Setup> base = SetupFromFacts.from(f);
        if (base.isEmpty() || !base.get().model().hasArchitecture() || f.gpuMemBytes() == null) return Optional.empty();
        long card = f.gpuMemBytes();
        BudgetEngine engine = new BudgetEngine();
        int seq = base.get().seq() > 0 ? base.get().seq() : PROFILE_TOKENS;
        Budget pooled = engine.estimate(base.get().toBuilder().seq(seq).batch(1).gpuMemoryUtilization(util).build(),
                card);
        Budget probe = engine.estimate(base.get().toBuilder().seq(PROBE_TOKENS).batch(1).build(), card);
        long perToken = Math.max(1, probe.perGpuBytes().kvCache() / PROBE_TOKENS);
        long kv = pooled.perGpuBytes().kvCache();
        return Optional.of(new Pool(kv, kv / perToken, pooled.perGpuBytes().weights(), base.get().seq(), util, card,
                perToken));
    }

    /** "How many concurrent 32k requests can it hold?", "will it fit?": the pool in sequences, yes or no first. */
    static BudgetAnswers.Result fit(String text, Facts f) {
        Optional<Pool> pool = of(f, text);
        if (pool.isEmpty()) return null;
        Pool p = pool.get();
        String name = SetupFromFacts.from(f).orElseThrow().model().name();
        String head = p.tokens() < p.seq() ? Messages.get("pool.short", name, Bytes.human(p.card()), p.utilization(),
                Bytes.human(p.kvBytes()), count(p.tokens()), count(p.seq()))
                : Messages.get("pool.holds", String.format(Locale.ROOT, "%.1f", p.sequences()), count(p.seq()), name,
                Bytes.human(p.card()), p.utilization(), Bytes.human(p.weights()), Bytes.human(p.kvBytes()),
                count(p.tokens()));
        // the share sizes the whole answer: when this question gives none, the default taken is said, not implied
        String share = UTILIZATION.matcher(text).find() ? ""
                : "\n" + Messages.get("pool.assumedShare", p.utilization());
        return new BudgetAnswers.Result(head + "\n" + Messages.get("pool.maxnumseqs") + share, null, true);
    }

    /**
     * "And on an A100 80GB?", "and AWQ 4-bit?": the pool before and after, the facts unchanged; anchored on the
     * tokens the engine logged when the failure held states them.
     */
    static String whatIf(String text, Facts f, Facts change, Integer logged) {
        Facts after = f.merge(change);
        if (!applies(after)) return preallocates(after) ? withoutLength(text, f, change) : null;
        // the first card named is no change from a card held: the pool on it is the answer, as a fit question's
        if (f.gpuMemBytes() == null) {
            BudgetAnswers.Result onTheCard = fit(text, after);
            return onTheCard == null ? null : onTheCard.text();
        }
        // a share alone ("what if I set it to 0.95?") is the change: compared with the default share; facts the turn
        // restates ("gpu_memory_utilization" reads as vLLM when vLLM is held) change nothing
        Double said = restates(f, change) ? shareSaid(text) : null;
        Optional<Pool> a = said != null ? of(f, DEFAULT_UTILIZATION) : of(f, text);
        Optional<Pool> b = said != null ? of(after, said) : of(after, text);
        if (a.isEmpty() || b.isEmpty()) return null;
        Pool x = a.get(), y = b.get();
        if (logged != null && logged > 0) {
            y = y.anchored(x, logged);
            x = x.anchored(x, logged);
        }
        String desc = said != null ? Messages.get("pool.share.change", said) : Conversation.describe(change);
        String head = Messages.get("pool.whatif", desc, Bytes.human(x.weights()),
                Bytes.human(y.weights()), Bytes.human(x.kvBytes()), Bytes.human(y.kvBytes()), count(x.tokens()),
                count(y.tokens()), String.format(Locale.ROOT, "%.1f", x.sequences()),
                String.format(Locale.ROOT, "%.1f", y.sequences()), count(y.seq()));
        String verdict = y.tokens() < y.seq() ? Messages.get("pool.whatif.short", count(y.seq()))
                : Messages.get("pool.whatif.fits", Bytes.human(y.card()), y.utilization());
        // "would it run on one H100?" is a yes or a no: said before the figures it is read from
        if (asksRuns(text)) {
            head = (y.tokens() < y.seq() ? Messages.get("pool.whatif.no")
                    : Messages.get("pool.whatif.yes", String.format(Locale.ROOT, "%.1f", y.sequences()),
                    count(y.seq()))) + "\n" + head;
        }
        // the change made in the engine the session serves with ("--quantization awq" with an AWQ checkpoint)
        String how = StackHow.line(text, change, f);
        return how == null ? String.join("\n", head, verdict, Messages.get("whatif.adopt"))
                : String.join("\n", head, verdict, how, Messages.get("whatif.adopt"));
    }

    /** Whether every fact of the change is already held with the same value (an empty change included). */
    private static boolean restates(Facts held, Facts change) {
        var before = held.asMap();
        return change.asMap().entrySet().stream().allMatch(e -> e.getValue().equals(before.get(e.getKey())));
    }

    /**
     * "What if I set it to 0.5 on a 40 GB A100?", "and on one 3090 alone?" with no max_model_len held: the share the
     * engine takes, the weights in it and the KV-cache pool left, before and after, in bytes and tokens; how many
     * sequences that is waits for the length, which is asked for. The facts are unchanged.
     */
    private static String withoutLength(String text, Facts f, Facts change) {
        Facts after = f.merge(change);
        Double said = shareSaid(text);
        double util = said != null ? said : DEFAULT_UTILIZATION;
        Optional<Pool> b = ofAnyShape(after, util);
        if (b.isEmpty()) return null;
        Pool y = b.get();
        Optional<Pool> a = preallocates(f) ? ofAnyShape(f, DEFAULT_UTILIZATION) : Optional.empty();
        String desc = Conversation.describe(change);
        if (desc.isBlank()) desc = Messages.get("pool.share.change", util);
        List<String> out = new java.util.ArrayList<>();
        if (y.kvBytes() <= 0) {
            out.add(Messages.get("pool.noroom", desc, util, Bytes.human(y.card()), Bytes.human(share(y)),
                    Bytes.human(y.weights())));
        } else if (a.isPresent()) {
            Pool x = a.get();
            out.add(Messages.get("pool.whatif.nolength", desc, Bytes.human(share(x)), Bytes.human(share(y)),
                    x.utilization(), y.utilization(), Bytes.human(x.weights()), Bytes.human(y.weights()),
                    Bytes.human(x.kvBytes()), Bytes.human(y.kvBytes()), x.tokens() < 0 || y.tokens() < 0
                            ? Messages.get("pool.tokens.unknown") : Messages.get("pool.tokens.change",
                            count(x.tokens()), count(y.tokens()))));
        } else {
            out.add(Messages.get("pool.after.nolength", desc, Bytes.human(share(y)), Bytes.human(y.card()), util,
                    Bytes.human(y.weights()), Bytes.human(y.kvBytes()), tokens(y)));
        }
        out.add(Messages.get("pool.nolength"));
        if (said == null) out.add(Messages.get("pool.assumedShare", util));
        String how = StackHow.line(text, change, f);
        if (how != null) out.add(how);
        out.add(Messages.get("whatif.adopt"));
        return String.join("\n", out);
    }

    /**
     * The pool, or for a model whose layer shape the catalog lacks the share less the weights and the CUDA context
     * per GPU, in bytes only (tokens -1: the cache per token is not known).
     */
    private static Optional<Pool> ofAnyShape(Facts f, double util) {
        Optional<Pool> shaped = of(f, util);
        if (shaped.isPresent()) return shaped;
        Optional<Setup> base = SetupFromFacts.from(f);
        if (base.isEmpty()) return Optional.empty();
        long card = f.gpuMemBytes();
        Budget b = new BudgetEngine().estimate(base.get().toBuilder().batch(1).build(), card);
        long weights = b.perGpuBytes().weights();
        long room = Math.round(util * io.oomdoc.budget.GpuCatalog.usableBytes(card)) - weights
                - b.perGpuBytes().overhead();
        return Optional.of(new Pool(Math.max(0, room), -1, weights, 0, util, card, 0));
    }

    /** A token count, or that it is unknown for want of the model's layer shape. */
    private static String tokens(Pool p) {
        return p.tokens() < 0 ? Messages.get("pool.tokens.unknown") : Messages.get("pool.tokens", count(p.tokens()));
    }

    /** The engine's share of the card: utilization times what the card can allocate. */
    private static long share(Pool p) {
        return Math.round(p.utilization() * io.oomdoc.budget.GpuCatalog.usableBytes(p.card()));
    }

    private static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }
}
