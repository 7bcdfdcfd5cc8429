package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "would a desktop 3060 with 12 GB run the demo?", "will my 8 GB card do it?", "can I serve that one on the T4?": the
 * question asks whether a card it names runs the thing discussed. That is a fit verdict (FORMAT.md), not a follow-up,
 * whatever failure is held. The card must be the subject or the place ("on the T4"): "would batch 1 be enough to run
 * it on the 3070?" asks about a change and stays a follow-up.
 */
final class CardVerdict {
    /** modal, the subject (up to six words), then a verb of running: the card is read in the subject. */
    private static final Pattern SUBJECT = Pattern.compile("(?i)\\b(?:would|could|can|will)\\s+((?:\\S+\\s+){1,8}?)"
            + "(?:run|work|do|handle|serve|train|fine-?tune|manage|cope|be enough|suffice)\\b");
    /** "can I serve that one on the T4?": the person as subject and the card as the place. */
    private static final Pattern PLACE = Pattern.compile("(?i)\\b(?:can|could|would|will)\\s+(?:i|we|you)\\s+"
            + "(?:run|serve|train|fine-?tune|load|host)\\b[^?]{0,60}?\\b(?:on|with)\\s+([^?]+)");
    /** Words that make the subject a change, not a card ("batch 1 be enough", "if I set ..."). */
    private static final Pattern CHANGE = Pattern.compile("(?i)\\bif\\b|\\blet\\b|\\bmake\\b|=|\\bbatch|\\bseq"
            + "|\\bhelp|\\bwhy\\b|\\bhow\\b");

    private CardVerdict() {}

    /** Whether the question (its last sentence) asks if a card it names runs the thing discussed. */
    static boolean asks(String text) {
        String q = question(text);
        if (!q.contains("?") || CHANGE.matcher(q).find() || changesSetup(q)) return false;
        Matcher s = SUBJECT.matcher(q);
        if (s.find() && namesCard(s.group(1))) return true;
        Matcher p = PLACE.matcher(q);
        return p.find() && namesCard(p.group(1));
    }

    /**
     * "will it fit a T4?", "does one 80 GB card fit then?": the card the fit is asked on, as the object of "fit" or as
     * its subject. A bare size as the subject ("does that 112 GB fit?") is the need, not a card.
     */
    static boolean asksFitOn(String text) {
        String q = question(text);
        if (!q.contains("?")) return false;
        Matcher o = FIT_ON.matcher(q);
        if (o.find() && namesCard(o.group(1))) return true;
        Matcher s = FIT_SUBJECT.matcher(q);
        if (!s.find()) return false;
        Facts named = FactExtractor.read(s.group(1)).named();
        return named.gpuName() != null || named.gpuMemBytes() != null && CARD_WORD.matcher(s.group(1)).find();
    }

    /** "will it fit a T4?", "would that still fit on the 16 GB card?": the card after "fit". */
    private static final Pattern FIT_ON = Pattern.compile("(?i)\\b(?:will|would|does|do|can|could)\\s+(?:it|this|that"
            + "|they|these|those)\\s+(?:still\\s+)?fit\\s+(?:(?:on|in|into|onto)\\s+)?([^?]+)");
    /** "does one 80 GB card fit then?": the card as the subject of "fit". */
    private static final Pattern FIT_SUBJECT = Pattern.compile("(?i)\\b(?:will|would|does|do|can|could)\\s+"
            + "((?:\\S+\\s+){1,6}?)(?:still\\s+)?fit\\b");
    private static final Pattern CARD_WORD = Pattern.compile("(?i)\\b(?:card|gpu|graphics)s?\\b");

    /** The card the question names (its GPU and memory), empty when it names none. */
    static Facts card(String text) {
        FactExtractor.Reading r = FactExtractor.read(question(text));
        Facts all = r.hypothetical().merge(r.asserted());
        return Facts.EMPTY.with(b -> { b.gpuName(all.gpuName()); b.gpuMemBytes(all.gpuMemBytes()); });
    }

    /** "can I use bf16 mixed precision on these 2080 Ti cards?" names a change besides the card: not a verdict. */
    private static boolean changesSetup(String q) {
        FactExtractor.Reading r = FactExtractor.read(q);
        java.util.Set<String> keys = new java.util.HashSet<>(r.named().asMap().keySet());
        keys.removeAll(CARD_AND_SUBJECT);
        return !keys.isEmpty();
    }

    /** Facts a card question names without changing the setup: the card, the count, what runs and how. */
    private static final java.util.Set<String> CARD_AND_SUBJECT = java.util.Set.of("gpu", "gpu_mem", "gpus",
            "model", "params", "framework", "phase");

    /** A card the words name: a catalog GPU or a memory size. */
    private static boolean namesCard(String words) {
        FactExtractor.Reading r = FactExtractor.read(words);
        Facts all = r.named();
        return all.gpuName() != null || all.gpuMemBytes() != null;
    }

    /** The last sentence: where the question is asked. */
    private static String question(String text) {
        String[] s = text.strip().split("(?<=[.!?])\\s+");
        return s[s.length - 1];
    }
}
