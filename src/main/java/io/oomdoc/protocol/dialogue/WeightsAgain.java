package io.oomdoc.protocol.dialogue;

import java.util.regex.Pattern;

/**
 * "那 GLM-4 9B 的 text encoder 呢？" (and GLM-4 9B's text encoder?) after "CogView4 的 transformer 是 6B，
 * bf16 权重多大？" (the 6B transformer's bf16 weights): a short "and X?" that names another size asks the
 * weights' question of the turn before again, for that size and at the precision said there.
 * Nothing is computed unless the turn before asked the weights' size and this turn says a size of its own.
 */
final class WeightsAgain {
    /** "那 … 呢？", "and the 13B?", "what about the 9B encoder?": the question of the turn before, once more. */
    private static final Pattern AGAIN = Pattern.compile("(?i)^\\s*(?:那|and\\b|what about\\b|how about\\b)"
            + "[^\\n]{0,60}(?:呢\\s*[？?]?|[？?])\\s*$");

    private WeightsAgain() {}

    /** The weights' line for the size this turn says, or null. */
    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!AGAIN.matcher(t).matches() || Sizes.params(t) == null) return null;
        String before = a.earlier().strip().lines().findFirst().orElse("");
        if (before.isEmpty() || KnowledgeAnswers.size(new Calculations.Ask(before, before, a.facts())) == null) {
            return null;
        }
        // the size said now comes first, so it is the one counted; the precision is the one said before
        return Sizes.weights(t + "\n" + before, a.facts());
    }
}
