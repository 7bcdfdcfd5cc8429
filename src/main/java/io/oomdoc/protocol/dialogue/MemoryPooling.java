package io.oomdoc.protocol.dialogue;

import java.util.regex.Pattern;

/**
 * "so three 3090s should be more than one V100, no?", "data parallel, each GPU takes one 16k sequence: what does one
 * card hold?": a capacity question over several cards is answered by how memory spreads over them. It does not pool:
 * each card holds what is placed on it, a full replica under data parallelism, a part only when the model is split.
 */
final class MemoryPooling {
    /** Several cards named in the turn: "three 3090s", "two RTX 3090 GPUs", "8 A100", "a second GPU". */
    private static final Pattern SEVERAL = Pattern.compile("(?i)\\b(?:two|three|four|five|six|seven|eight|[2-9]|16)"
            + "\\s*(?:x\\s*)?(?:[\\w-]+\\s+){0,2}?(?:gpus|cards|[a-z]*\\d{3,4}(?:ti)?s)\\b"
            + "|\\b(?:two|three|four|eight|[2-8])\\s+(?:nvidia\\s+|rtx\\s+|tesla\\s+)?[a-z]*\\d{3,4}(?:ti)?\\s+gpus\\b"
            + "|\\b(?:a|one) (?:second|another|more) (?:gpu|card)\\b|\\bmulti-?gpu\\b");
    /** Data parallelism said outright: every card keeps a whole copy. */
    private static final Pattern REPLICAS = Pattern.compile("(?i)\\bdata[- ]parallel\\w*|\\bddp\\b"
            + "|\\b(?:each|every|per) (?:gpu|card) (?:takes|gets|holds|runs)\\b");
    /** What the question asks: whether the cards together hold it, or what one holds. */
    private static final Pattern CAPACITY = Pattern.compile("(?i)\\bmore than\\b|\\benough\\b|\\bfit\\b|\\bhold\\b"
            + "|\\bcan i run\\b|\\brun it\\b|\\bhad\\b|\\badd(?:ed)?\\b|\\bbuy\\b|\\brent\\b|\\bcombined\\b"
            + "|\\btogether\\b|\\btotal\\b");

    /**
     * "can it use the two cards as 48 GB?", "pool the VRAM of both", "combine their memory": the sum of the cards is
     * the question, so a size in it is the cards' total, not a need.
     */
    private static final Pattern POOLED = Pattern.compile("(?i)\\b(?:use|treat|see|count|act|work)\\w*\\b[^.?!]{0,40}"
            + "\\bas (?:one |a single )?(?:\\d+ ?(?:gb|gib|g)\\b|one (?:big |large )?(?:card|gpu)\\b)"
            + "|\\bpool(?:ed|ing)? (?:the |their |its |all )?(?:memory|vram)\\b"
            + "|\\bcombin\\w* (?:the |their |its |all )?(?:memory|vram)\\b");

    private static final int FULL_SHARD = 3;

    private MemoryPooling() {}

    /** Whether the turn asks if several cards add up to one (a size in it is then their total, not a need). */
    static boolean asksPooled(String text) {
        return POOLED.matcher(text).find() && SEVERAL.matcher(text).find();
    }

    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!t.contains("?") || !CAPACITY.matcher(t).find() && !asksPooled(t)) return null;
        // a job held under ZeRO-3 already splits its model over the cards: "not pooled" would deny what it does
        if (a.facts() != null && a.facts().zeroStage() != null && a.facts().zeroStage() == FULL_SHARD) return null;
        if (REPLICAS.matcher(t).find()) return Messages.get("pool.replicas");
        return SEVERAL.matcher(t).find() ? Messages.get("pool.cards") : null;
    }
}
