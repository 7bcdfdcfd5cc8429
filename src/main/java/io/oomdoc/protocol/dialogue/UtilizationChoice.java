package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "What gpu_memory_utilization should I use?" with a served model, card and length held: a number, not the flag's
 * description. The share times the card must hold the weights, the engine's own working memory and the KV cache
 * wanted; the least share that holds one sequence of max_model_len is computed from the pool at vLLM's default, and
 * the rule is said with it (trial21 defect 13, vllm-project/vllm#751).
 */
final class UtilizationChoice {
    /** Asks which value to set, not what the setting means ("what does gpu_memory_utilization do"). */
    private static final Pattern ASKS = Pattern.compile("(?i)\\b(?:what|which|how (?:much|high|low))\\b"
            + "(?!\\s+(?:if|about|does|do)\\b)"
            + "[^?]{0,30}?\\b(?:gpu[_ -]memory[_ -]utili[sz]ation|mem[_ -]fraction[_ -]static|utili[sz]ation)\\b"
            + "|\\b(?:gpu[_ -]memory[_ -]utili[sz]ation|mem[_ -]fraction[_ -]static)\\b[^?]{0,30}?\\bshould\\b");
    /** The share vLLM users raise to when the engine has the card to itself. */
    private static final double HIGH = 0.95;
    private static final double HUNDRED = 100;

    private UtilizationChoice() {}

    /** Whether the turn asks which share to set. */
    static boolean asks(String text) { return ASKS.matcher(text).find(); }

    /** The computed share and the rule, or null when no served setup is held or the model's shape is unknown. */
    static String of(String text, Facts f) {
        if (!asks(text) || !"vllm".equals(f.framework()) || !ServingPool.applies(f)) return null;
        Optional<ServingPool.Pool> at = ServingPool.of(f, "");
        Optional<ServingPool.Pool> high = ServingPool.of(f, "gpu_memory_utilization " + HIGH);
        if (at.isEmpty() || high.isEmpty()) return null;
        ServingPool.Pool p = at.get();
        // what the engine keeps beside the weights and the cache (activations at profiling, CUDA graphs) per GPU
        long working = Math.max(0, (long) (p.utilization() * p.card()) - p.weights() - p.kvBytes());
        long oneSequence = p.perToken() * p.seq();
        double least = Math.ceil((p.weights() + working + oneSequence) / (double) p.card() * HUNDRED) / HUNDRED;
        String head = least > 1 ? Messages.get("share.choice.none", Bytes.human(p.weights()), Bytes.human(p.card()))
                : Messages.get("share.choice", Messages.get(least <= p.utilization() ? "share.choice.keep"
                : "share.choice.raise", p.utilization()), p.utilization(),
                Bytes.human((long) (p.utilization() * p.card())),
                Bytes.human(p.weights()), Bytes.human(working), Bytes.human(p.kvBytes()),
                String.format(Locale.ROOT, "%.1f", p.sequences()), count(p.seq()),
                String.format(Locale.ROOT, "%.2f", least), HIGH, Bytes.human(high.get().kvBytes()),
                String.format(Locale.ROOT, "%.1f", high.get().sequences()));
        return head + "\n" + Messages.get("share.choice.rule");
    }

    private static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }
}
