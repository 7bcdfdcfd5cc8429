package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.Setup;

import java.util.regex.Pattern;

/**
 * The bytes each trained parameter costs before any activation, split the way an expert adds them up: the weights,
 * their gradients, an fp32 master copy under mixed precision, and the optimizer's own state, as the turn names the
 * optimizer (AdamW, 8-bit Adam, SGD with or without momentum, Adafactor, Lion) and the precision (mixed, fp32, pure
 * 16-bit). The optimizer's bytes per parameter are the budget's (Setup.Optimizer.stateBytes).
 */
record StateBytes(String optimizer, String regime, double weights, double gradients, double master,
                  double moments) {
    /** Optimizers from the most specific name to the least: "8-bit AdamW" is not AdamW, "SGD with momentum" not SGD. */
    private static final Object[][] OPTIMIZERS = {
            {Pattern.compile("(?i)\\b8[- ]?bit (?:adam\\w*|optimi[sz]er)|adam\\w*[-_ ]?8[-_ ]?bit|\\bbnb\\.optim"),
                    "ADAMW_8BIT"},
            // bitsandbytes' paged 32-bit AdamW (paged_adamw_32bit, the QLoRA recipes'): fp32 states, not 8-bit ones
            {Pattern.compile("(?i)\\bpaged[_ ]?adamw?(?![\\w-]*8[-_ ]?bit)"), "PAGED_ADAMW"},
            {Pattern.compile("(?i)\\bsgd\\b.{0,30}\\bmomentum|\\bmomentum\\b.{0,20}\\bsgd\\b"
                    + "|\\bsgd\\b.{0,25}\\bnesterov"), "SGD_MOMENTUM"},
            {Pattern.compile("(?i)\\bsgd\\b"), "SGD"},
            {Pattern.compile("(?i)\\badafactor\\b"), "ADAFACTOR"},
            {Pattern.compile("(?i)\\blion\\b"), "LION"},
    };
    /** Training in fp32 throughout: no master copy, 4-byte gradients. "32-bit Adam" is the optimizer's, not this. */
    private static final Pattern FP32 = Pattern.compile("(?i)\\b(?:fp32|float32|full precision)\\b(?!\\s*(?:master"
            + "|moments?|adam|optimi[sz]er|states?))|\\b32[- ]?bit\\b(?!\\s*(?:adam|optimi[sz]er|states?|moments?))");
    /** Pure 16-bit training: weights, gradients and states in bf16, no fp32 master copy. */
    private static final Pattern PURE = Pattern.compile("(?i)\\b(?:full|pure|plain|only|entirely in|all) (?:bf16"
            + "|fp16|16[- ]?bit)\\b|\\bwithout (?:an? |the )?(?:fp32 )?master\\b|\\bno (?:fp32 )?master\\b"
            + "|\\bpure_bf16\\b");

    private static final double FOUR = 4;
    private static final double TWO = 2;

    /** The parts the turn's words name; AdamW in mixed precision (16 bytes) when it names neither. */
    static StateBytes of(String text) {
        Object[] named = Sizes.namedFirst(OPTIMIZERS, text);
        String optimizer = named == null ? "ADAMW" : (String) named[1];
        String regime = PURE.matcher(text).find() ? "pure" : FP32.matcher(text).find() ? "fp32" : "mixed";
        boolean pure = regime.equals("pure");
        double w = regime.equals("fp32") ? FOUR : TWO;
        double g = pure ? TWO : w;
        double master = regime.equals("mixed") ? FOUR : 0;
        // the budget engine's bytes per trainable parameter, so a question in words and a computed what-if agree
        double moments = Setup.Optimizer.valueOf(optimizer).stateBytes(pure, false);
        return new StateBytes(optimizer, regime, w, g, master, moments);
    }

    /** Whether the turn names something other than AdamW in mixed precision, the case the fixed wording covers. */
    boolean unusual() { return !optimizer.equals("ADAMW") || !regime.equals("mixed"); }

    double total() { return weights + gradients + master + moments; }

    /** "weights 2 + gradients 2 + fp32 master copy 4 + AdamW (two fp32 moments) 8 = 16 bytes per parameter". */
    String parts() {
        String opt = Messages.get("states.optimizer." + optimizer);
        String m = master == 0 ? "" : Messages.get("states.part.master", Sizes.trim(master));
        return Messages.get("states.parts", Sizes.trim(weights), Sizes.trim(gradients), m, opt, Sizes.trim(moments),
                Sizes.trim(total()), Messages.get("states.regime." + regime));
    }
}
