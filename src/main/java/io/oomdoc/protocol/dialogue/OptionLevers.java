package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Engines;
import io.oomdoc.protocol.Facts;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * "So what are my options?", "what can I turn down so it fits?" before any failure is pasted: with no report there is
 * no ladder to read the next rung from, and a passage searched for the turn's words answers some other question
 * (TensorRT-LLM#7281, magic-animate#110). The answer is the list of levers for the session's kind of work, serving
 * or training, as the held facts tell it.
 */
final class OptionLevers {
    /** A request for the choices left, not for one knob's effect or a recipe. */
    private static final Pattern ASKS = Pattern.compile("(?i)what (?:are|r) (?:my|the|our) (?:options|choices"
            + "|alternatives)|what (?:options|choices) (?:do|have) (?:i|we)|what (?:can|could|should) (?:i|we) "
            + "(?:turn down|lower|reduce|cut|shrink|change|drop|do)\\b(?! with)|\\bany (?:other )?options\\b"
            // "what else lowers the VRAM the LM takes?", "how else can I cut memory", "what would bring stage 2
            // down?": the same request once one lever is named or excluded (hot-step-9000, VLM-R1, LatentSync)
            + "|what else (?:\\w+ )?(?:lowers|reduces|cuts|shrinks|brings|saves|can|could|would|should)\\b"
            + "|\\bhow else\\b|what (?:would|could|can|else) bring\\b[^.?!]{0,30}\\bdown\\b"
            + "|what(?:'s| is) left(?: to try)?\\s*\\?");
    private static final Set<String> RUNNING_PHASES = Set.of("inference", "serving", "generation");

    private OptionLevers() {}

    /** Whether the turn asks for the options left; only meaningful when no failure report is held. */
    static boolean asks(String text) {
        return ASKS.matcher(text).find();
    }

    /**
     * The levers for the session's workload, or null when the facts do not say whether it trains or runs a model
     * (then a guess would list the wrong half of the levers).
     */
    static String answer(Facts facts) {
        boolean trains = facts.lora() != null && facts.lora() || facts.qlora() != null && facts.qlora()
                || facts.optimizer() != null || facts.zeroStage() != null
                || facts.checkpointing() != null && facts.checkpointing() || facts.gradAccum() != null
                // "the second stage needs about 50GB" of a training script: the turns said training outright
                || io.oomdoc.protocol.PhaseHints.TRAINING.equals(facts.phaseHint());
        boolean runs = facts.phaseHint() != null && RUNNING_PHASES.contains(facts.phaseHint())
                || Engines.serves(facts.framework());
        if (trains == runs) return null;
        return Messages.get(runs ? "followup.levers.inference" : "followup.levers.training");
    }
}
