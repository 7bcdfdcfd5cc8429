package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

/**
 * "Someone says two 3090s also run out of memory with lora. would two cards help me?": more cards of the same kind,
 * asked as a fix for the failure held. Under data parallelism, what a training script or launcher does unless told
 * otherwise, each card holds a whole replica, so the answer is "not by itself" and what it takes to split instead
 * (the memory-pooling rule of dialogue/messages.properties pool.replicas).
 */
final class MoreCards {
    private static final int FULL_SHARD = 3;
    /** "a second 4090", "another GPU", "one more card": one card added to those held, not a card of that name alone. */
    private static final java.util.regex.Pattern ONE_MORE = java.util.regex.Pattern.compile("(?i)\\b(?:a second|a 2nd"
            + "|another|one more|an extra|an additional)\\s+(?:[\\w.-]+\\s+){0,2}?(?:gpus?|cards?|graphics cards?"
            + "|rtx\\s?\\d{4}|\\d{4}(?:\\s?ti)?|[ahlv]\\d{2,3}s?|a\\d{4}|t4)\\b");
    /** The turn weighs a change rather than reporting one ("would", "what if", "should I"). */
    private static final java.util.regex.Pattern WEIGHED = java.util.regex.Pattern.compile("(?i)\\b(?:would|could"
            + "|will|what if|what about|how about|if i|should i|does|do)\\b");

    private MoreCards() {}

    /**
     * "Would a second 4090 with tensor parallel help?" with one 4090 held: the change is two cards of the kind held,
     * not a swap to the card it names (which read as the held card again, so the budget moved nothing and the
     * answer said the change did not act on the KV cache). Asked, the count goes to the hypothetical facts; told,
     * to the asserted ones.
     */
    static io.oomdoc.protocol.FactExtractor.Reading onHeldCount(io.oomdoc.protocol.FactExtractor.Reading read,
            String text, Facts held) {
        if (!ONE_MORE.matcher(text).find()) return read;
        boolean asked = !read.hypothetical().isEmpty() || WEIGHED.matcher(text).find();
        Facts change = asked ? read.hypothetical() : read.asserted();
        if (change.worldSize() != null) return read;
        int cards = (held.worldSize() != null ? held.worldSize() : 1) + 1;
        boolean sameCard = change.gpuName() == null || change.gpuName().equals(held.gpuName());
        Facts added = change.with(b -> {
            b.worldSize(cards);
            if (sameCard) b.gpuName(null).gpuMemBytes(null);
        });
        return asked ? new io.oomdoc.protocol.FactExtractor.Reading(read.asserted(), read.negated(), added)
                : new io.oomdoc.protocol.FactExtractor.Reading(added, read.negated(), read.hypothetical());
    }

    /**
     * Whether the change raises the card count without sharding: no ZeRO-3 held or proposed. A job held under ZeRO-3
     * splits its model states over the cards, so more cards do make room there, as a serving engine does: vLLM and
     * SGLang split the weights by tensor parallel, llama.cpp and Ollama place layers on each card.
     */
    static boolean replicasOnly(Facts held, Facts change) {
        if (change.worldSize() == null || change.worldSize() < 2) return false;
        if (io.oomdoc.protocol.Engines.serves(change.framework() != null ? change.framework() : held.framework())) {
            return false;
        }
        if (held.worldSize() != null && held.worldSize() >= change.worldSize()) return false;
        Integer stage = change.zeroStage() != null ? change.zeroStage() : held.zeroStage();
        return stage == null || stage < FULL_SHARD;
    }
}
