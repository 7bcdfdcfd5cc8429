package io.oomdoc.protocol.reasoning;

import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.protocol.Category;
import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.ImpossibleRequest;
import io.oomdoc.evidence.trace.TraceFinding;

import java.util.List;

/**
 * What the physics settles whatever the weights say: a kernel kill with no GPU message is host RAM; an
 * allocator message with a card's figures is not host RAM; a CUDA fault that is not an allocation failure is
 * not an out-of-memory; a request that neither the free memory nor the cache could hold is not fragmentation.
 */
final class Constraints {
    private static final double RULED_OUT = 0.0;
    private static final double SMALL_CACHE_SHARE = 0.03;
    private static final double ONE_TIME_PEAK_UNDER_GROWTH = 0.3;
    /**
     * The batch's share when the log's own readings climb reading after reading before the failure: the activations
     * of a batch are freed after each step, so they cannot pile up; a user's word for growth (0.3 above) can be loose,
     * printed figures are not. Of the trainable reports whose log climbs (3), none is labelled activations_batch; the
     * H200 eval loop that keeps each batch's loss tensor (h200/leak_eval.log) climbs 5.2 GiB per batch.
     */
    private static final double BATCH_UNDER_LOGGED_CLIMB = 0.1;

    // 0.03 let a learned model_too_large of 0.96 stay first (Lightning-AI/litgpt#553: LoRA on a 7B whose states take
    // 54% of a 3090 was called too large after the thirty-fourth session's refit); 0.01 keeps it under the rest.
    private static final double FIXED_COST_FITS = 0.01;
    private static final double FIXED_COST_SHARE = 0.7;
    /**
     * activations_batch presumes the fixed cost fits (DESIGN.md's taxonomy): with the weights alone above the card,
     * the batch is not the cause a fix must address, whatever the batch words say. The weights, not weights plus
     * training state: a bare paste does not say LoRA, and the budget's full fine-tune then overstates the state
     * (grouped CV over trainable: on weights + gradients + optimizer state the rule turned two LoRA reports whose
     * label is activations_batch, peft on an A100 and kohya SDXL LoRA on a T4, to other causes).
     */
    static final double BATCH_UNDER_FIXED_OVERFLOW = 0.3;
    /**
     * The share optimizer_state_step2 keeps when the whole fixed cost exceeds the card (ms-swift#411: a full
     * fine-tune of a 7B on one 80 GB card fails in AdamW's first step; the maintainer's fix is a second card).
     */
    static final double STEP2_UNDER_FIXED_OVERFLOW = 0.3;
    /**
     * The share of attention_seq_len's score an adapter fine-tune keeps when its length is an activations cost
     * ({@link FusedAttention}); the rest moves to activations_batch, which by definition holds batch x sequence.
     */
    static final double SEQUENCE_AS_ACTIVATIONS = 0.1;
    /**
     * The share a cause that needs the model to run keeps when a frame or the reporter's words put the failure in
     * the weights' load or the engine's start-up: no batch has been formed there, so none of the batch's costs
     * (DESIGN.md: activations, the longest batch, a first backward, step-2 state, eval outputs, attention scores)
     * has been allocated. Not zero: a stated phase can be wrong (trainable's labels: 7 of 391 load or startup
     * reports are activations_batch).
     */
    static final double NO_BATCH_BEFORE_THE_RUN = 0.3;
    private static final List<Category> NEEDS_A_BATCH = List.of(Category.ACTIVATIONS_BATCH, Category.LONGEST_BATCH,
            Category.FIRST_BACKWARD, Category.OPTIMIZER_STATE_STEP2, Category.EVAL_ACCUMULATION,
            Category.ATTENTION_SEQ_LEN);

    /** The budget puts the weights alone above the card: no training mode or batch makes them fit. */
    private static boolean weightsExceedCard(Evidence e) {
        var b = e.budget();
        return b != null && b.gpuBytes() != null && b.perGpuBytes().weights() > b.gpuBytes();
    }

    /** The budget puts weights, gradients and optimizer state well inside the card: the fixed cost is not the cause. */
    private static boolean fixedCostFits(Evidence e) {
        var b = e.budget();
        if (b == null || b.gpuBytes() == null) return false;
        var t = b.perGpuBytes();
        return t.weights() + t.gradients() + t.optimizer() < FIXED_COST_SHARE * b.gpuBytes();
    }

    /**
     * The budget puts weights, gradients and optimizer state together above the card: the state's first allocation
     * is where such a run fails, but no step order makes it fit, so the fixed cost is the cause (DESIGN.md:
     * model_too_large is weights + gradients + optimizer state not fitting; optimizer_state_step2 is a state that
     * arrives lazily on top of a run that otherwise fits).
     */
    private static boolean fixedCostOverflows(Evidence e) {
        var b = e.budget();
        if (b == null || b.gpuBytes() == null) return false;
        var t = b.perGpuBytes();
        return t.weights() + t.gradients() + t.optimizer() > b.gpuBytes();
    }

    /** The user says memory climbs (not negated), or the log's memory figures climb. */
    private static boolean grows(FeatureVector x) {
        return x.values().containsKey("cue:growth") || x.values().containsKey(FeatureExtractor.LOG_MEMORY_GROWS);
    }

    private static final java.util.regex.Pattern MEMORY = java.util.regex.Pattern.compile(
            "(?im)out of memory|(?<![a-z])oom(?:s|ed|ing)?(?![a-z])|memory|vram|\\bram\\b|显存|内存|allocat|exhaust"
                    + "|gpu usage|\\bleak|\\bcuda\\b|cuda_visible|activations|\\bcach(?:e|es|ed)\\b"
                    // a rich or IPython traceback ("file.py:290 in f", "file.py in f(", "--> 626") is a failure
                    + "|\\.py:\\d+ in \\w|\\.py in \\w+\\(|^-+>\\s*\\d+");

    private static final java.util.regex.Pattern FAILURE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:error|exception|failed|fails|failure|crash(?:ed|es)?|abort(?:ed)?|core dumped|exit ?code)\\b"
                    + "|报错|错误|失败|崩溃");

    private Constraints() {}

    static void apply(Evidence e, FeatureVector x, List<String> labels, double[] p) {
        Category sole = soleCause(e, x);
        if (sole != null) { only(labels, p, sole); return; }
        ruleOut(e, x, labels, p);
        fixedCost(e, x, labels, p);
        if (grows(x)) oneTimePeaks(e, labels, p);
        if (x.values().containsKey(FeatureExtractor.LOG_MEMORY_GROWS)) {
            // Readings the log itself prints climb step after step: not the batch's activations either, which peak
            // the same way each step. With no failure message at all, the climb is the whole report: a leak.
            if (e.finding().isEmpty()) { only(labels, p, Category.LEAK_HELD_REFERENCES); return; }
            scale(labels, p, Category.ACTIVATIONS_BATCH, BATCH_UNDER_LOGGED_CLIMB);
        }
        NoTrainingLoop.constrain(x, labels, p);
        TimelineFeatures.constrain(x, labels, p);
        normalise(p);
    }

    /** The one cause the evidence leaves, before any weighing: not an OOM, host memory alone, a size no machine has. */
    private static Category soleCause(Evidence e, FeatureVector x) {
        if (x.values().containsKey("not-oom")) return Category.OTHER;
        boolean hostMessage = e.finding().map(f -> f.kind() == FailureKind.HOST_RAM_OOM).orElse(false)
                || x.values().containsKey("kill-named");
        if (hostMessage && !gpuMessage(e)) return Category.HOST_RAM_OOM;
        // A request larger than any machine is no cause the taxonomy names (no batch, cache or neighbour asks for a
        // pebibyte): a size computed wrong, which is "other".
        if (ImpossibleRequest.of(e.numbers())) return Category.OTHER;
        return null;
    }

    private static boolean gpuMessage(Evidence e) {
        return e.finding().map(f -> f.kind() != FailureKind.HOST_RAM_OOM && !f.parser().equals(TraceFinding.MENTION))
                .orElse(false);
    }

    /** Causes the figures exclude: host memory under a GPU request, fragmentation with no room anywhere. */
    private static void ruleOut(Evidence e, FeatureVector x, List<String> labels, double[] p) {
        OomNumbers n = e.numbers();
        if (gpuMessage(e) && n.triedBytes() != null) set(labels, p, Category.HOST_RAM_OOM, RULED_OUT);
        if (noRoomAnywhere(n)) set(labels, p, Category.FRAGMENTATION, RULED_OUT);
        // XLA printed the compiled program's whole need, far above the buffer that failed: the program does not fit,
        // a cause the taxonomy names, so not "other" (the learned weight leaned to other after training on heldout16-21
        // and called jax-ml afprofile#8's 14.44 GiB program on a 12 GB card other; the maintainer: a bigger GPU).
        if (x.values().containsKey("rule:xla program total")) set(labels, p, Category.OTHER, RULED_OUT);
    }

    /** What the budget says of the fixed cost (weights, gradients, optimizer state) against the batch. */
    private static void fixedCost(Evidence e, FeatureVector x, List<String> labels, double[] p) {
        if (fixedCostFits(e)) {
            // When the budget also finds what overflows (the batch's activations), the fixed cost is ruled out as
            // the cause: the user's own setup says what to cut.
            if (Boolean.FALSE.equals(e.budget().fits())) set(labels, p, Category.MODEL_TOO_LARGE, RULED_OUT);
            else scale(labels, p, Category.MODEL_TOO_LARGE, FIXED_COST_FITS);
        }
        if (weightsExceedCard(e)) scale(labels, p, Category.ACTIVATIONS_BATCH, BATCH_UNDER_FIXED_OVERFLOW);
        if (fixedCostOverflows(e)) scale(labels, p, Category.OPTIMIZER_STATE_STEP2, STEP2_UNDER_FIXED_OVERFLOW);
        if (FusedAttention.sequenceIsActivations(e, x, weightsExceedCard(e)))
            move(labels, p, Category.ATTENTION_SEQ_LEN, Category.ACTIVATIONS_BATCH, SEQUENCE_AS_ACTIVATIONS);
        if (beforeTheRun(x)) for (Category c : NEEDS_A_BATCH) scale(labels, p, c, NO_BATCH_BEFORE_THE_RUN);
    }

    /** Memory that climbs step after step: the causes that peak once are unlikely. */
    private static void oneTimePeaks(Evidence e, List<String> labels, double[] p) {
        // Memory that climbs step after step is not a one-time peak: not the longest batch, not a first backward
        // or a step-2 allocation.
        for (Category c : List.of(Category.LONGEST_BATCH, Category.FIRST_BACKWARD, Category.OPTIMIZER_STATE_STEP2))
            scale(labels, p, c, ONE_TIME_PEAK_UNDER_GROWTH);
        // Nor, once something failed, the fixed cost: weights, gradients and optimizer state were held for every
        // step the memory climbed over, so they fit; what failed is what piled up on top (a leak, eval outputs,
        // a KV cache), which the weights rank. Same factor: it is the same argument, one fit over many steps.
        if (e.finding().isPresent()) scale(labels, p, Category.MODEL_TOO_LARGE, ONE_TIME_PEAK_UNDER_GROWTH);
    }

    /** A frame, the message or the words place the failure in the load or the start-up, and none in a step. */
    private static boolean beforeTheRun(FeatureVector x) {
        var v = x.values().keySet();
        boolean early = v.stream().anyMatch(k -> STATED_EARLY.matcher(k).matches());
        boolean running = v.stream().anyMatch(k -> STATED_RUNNING.matcher(k).matches());
        return early && !running;
    }

    private static final java.util.regex.Pattern STATED_EARLY = java.util.regex.Pattern.compile(
            "(?:frame|trace|words)-phase:(?:load|startup)");
    private static final java.util.regex.Pattern STATED_RUNNING = java.util.regex.Pattern.compile(
            "(?:frame|trace|words)-phase:(?:forward|backward|optimizer_step|eval|generation)");

    /** Neither the driver's free memory nor the allocator's idle cache could have held the request. */
    private static boolean noRoomAnywhere(OomNumbers n) {
        Long tried = n.triedBytes(), free = n.freeBytes(), idle = n.reservedUnallocatedBytes(), total = n.totalBytes();
        if (tried == null || free == null || idle == null || total == null) return false;
        return free < tried && idle < tried && idle < SMALL_CACHE_SHARE * total;
    }

    static String issueType(Evidence e, FeatureVector x, Category cause) {
        if (x.values().containsKey("not-oom")) return "not_oom";
        boolean recognised = e.finding().isPresent() || x.values().containsKey("kill-named")
                || MEMORY.matcher(e.userWords()).find() || Kills.mentioned(e.userWords())
                || (e.trace() != null && !e.trace().frames().isEmpty()) || FAILURE.matcher(e.userWords()).find();
        if (!recognised) return "unknown"; // nothing in the text is a memory failure: say so, not a guess
        return cause == Category.HOST_RAM_OOM ? "host_ram_oom" : "vram_oom";
    }

    /** The learned phase, unless the cause fixes it: a DataLoader kill is the loader, a step-2 failure the step. */
    static String phase(FeatureVector x, Category cause, String learned) {
        if (x.values().containsKey("not-oom")) return learned;
        return switch (cause) {
            // Only a phase nothing names becomes the step: a forward the frames or words show stays forward
            // (kohya_ss#875: the second step's U-Net forward ran out, not the optimizer).
            case OPTIMIZER_STATE_STEP2 -> learned.equals("unknown") ? "optimizer_step" : learned;
            // Predictions kept on the GPU by a prediction run on its own ("OOM during prediction", the words say
            // forward and not eval) ran out in an offline forward, not in a validation pass (pybioclip#145).
            case EVAL_ACCUMULATION -> learned.equals("generation") || offlineForward(x) ? learned : "eval";
            default -> learned;
        };
    }

    private static boolean offlineForward(FeatureVector x) {
        return x.values().containsKey("words-phase:forward") && !x.values().containsKey("words-phase:eval");
    }

    private static void only(List<String> labels, double[] p, Category keep) {
        int k = labels.indexOf(keep.json());
        for (int i = 0; i < p.length; i++) p[i] = i == k ? 0.9 : p[i] * 0.1;
        normalise(p);
    }

    private static void scale(List<String> labels, double[] p, Category c, double f) {
        int k = labels.indexOf(c.json());
        if (k >= 0) p[k] *= f;
    }

    /** Keeps {@code keep} of {@code from}'s score and gives the rest to {@code to}: the same mass, another cause. */
    private static void move(List<String> labels, double[] p, Category from, Category to, double keep) {
        int i = labels.indexOf(from.json()), j = labels.indexOf(to.json());
        if (i < 0 || j < 0) return;
        p[j] += p[i] * (1 - keep);
        p[i] *= keep;
    }

    private static void set(List<String> labels, double[] p, Category c, double v) {
        int k = labels.indexOf(c.json());
        if (k >= 0) p[k] = v;
    }

    private static void normalise(double[] p) {
        double s = 0;
        for (double v : p) s += v;
        if (s <= 0) return;
        for (int i = 0; i < p.length; i++) p[i] /= s;
    }
}
