package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.facts.Mention;
import io.oomdoc.protocol.facts.Names;

import java.util.Locale;
import java.util.Set;

/**
 * A statement's words without the card and model names it states ("the host has 128 GB of RAM and an RTX 2080 Ti",
 * "I'm running Qwen2.5-7B on a 4090 with batch 8"): a knowledge passage that shares little but those names (a
 * benchmark run on that card, a note on that model family's image tokens) is about something else. A question keeps
 * its names: "why does the 2080 Ti run out?" asks about the card.
 */
final class NamesAside {
    private static final Set<String> NAMES = Set.of("gpu", "model", "params");
    /**
     * A sentence or two that states the setup; a failure described at length ("GPTQ of Llama-7B on one RTX 4090 works
     * with 128 calibration samples but ...", autogptq) has subject words enough, and its passage is the report's lead.
     */
    private static final int STATEMENT_CHARS = 160;
    /** "why whisper turbo needs less memory than large-v3": a question without its mark still asks. */
    private static final java.util.regex.Pattern ASKS = java.util.regex.Pattern.compile("(?i)\\s*(?:why|how|what"
            + "|which|where|when|who|does|do|did|is|are|can|could|should|would|will)\\b");

    private NamesAside() {}

    /**
     * The text with the names blanked out when it states briefly; the text itself when it asks, runs long or tells a
     * failure ("fine-tuning llava1.5-clip-llama3 (llama3 8B) ... still runs out of memory on an 80G A100", MMDU#1: the
     * model and card are that report's subject).
     */
    static String of(String text) {
        if (text.indexOf('?') >= 0 || text.indexOf('？') >= 0 || ASKS.matcher(text).lookingAt()
                || text.indexOf('\n') >= 0
                || text.length() > STATEMENT_CHARS || IntentClassifier.tellsFailure(text)) return text;
        String lower = text.toLowerCase(Locale.ROOT);
        // lower-casing can change the length of a few scripts; the offsets are the lower-cased text's
        char[] out = lower.length() == text.length() ? text.toCharArray() : lower.toCharArray();
        for (Mention m : Names.find(lower, text)) {
            if (!NAMES.contains(m.key())) continue;
            for (int i = m.start(); i < Math.min(m.end(), out.length); i++) out[i] = ' ';
        }
        return new String(out);
    }
}
