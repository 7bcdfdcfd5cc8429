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

    private static final int FULL_SHARD = 3;

    private MemoryPooling() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!t.contains("?") || !CAPACITY.matcher(t).find()) return null;
        // a job held under ZeRO-3 already splits its model over the cards: "not pooled" would deny what it does
        if (a.facts() != null && a.facts().zeroStage() != null && a.facts().zeroStage() == FULL_SHARD) return null;
        if (REPLICAS.matcher(t).find()) return Messages.get("pool.replicas");
        return SEVERAL.matcher(t).find() ? Messages.get("pool.cards") : null;
    }
}
