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

    private MoreCards() {}

    /**
     * Whether the change raises the card count without sharding: no ZeRO-3 held or proposed. A job held under ZeRO-3
     * splits its model states over the cards, so more cards do make room there.
     */
    static boolean replicasOnly(Facts held, Facts change) {
        if (change.worldSize() == null || change.worldSize() < 2) return false;
        if (held.worldSize() != null && held.worldSize() >= change.worldSize()) return false;
        Integer stage = change.zeroStage() != null ? change.zeroStage() : held.zeroStage();
        return stage == null || stage < FULL_SHARD;
    }
}
