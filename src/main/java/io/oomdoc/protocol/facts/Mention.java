package io.oomdoc.protocol.facts;

/**
 * One thing the text says at [start, end): a fact key and its value, before deciding whether the user asserts,
 * denies or only wonders about it. Keys are those of {@code Facts.asMap()}, plus a few working keys that the
 * resolver turns into facts: {@code size.stated}, {@code size.capacity}, {@code size.total} (bytes, the card's
 * memory), {@code gpu.count}. {@code rank} orders rows of the lexicon (lower wins for framework and phase);
 * {@code onNegation} says what "not X" means (see lexicon/facts.tsv).
 */
public record Mention(int start, int end, String key, String value, int rank, String onNegation) {
    public Mention(int start, int end, String key, String value) { this(start, end, key, value, 0, ""); }

    public int length() { return end - start; }

    public boolean overlaps(Mention o) { return start < o.end && o.start < end; }

    public Mention withKeyValue(String k, String v) { return new Mention(start, end, k, v, rank, onNegation); }
}
