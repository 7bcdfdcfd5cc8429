package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * "What if I drop it to 32?" after the one setting the conversation named ("batch_size=256"): "it" is that setting,
 * and an eighth is said as people say it. Real turn of conversations_heldout22 (burned, read by conv19a).
 */
class ItIsTheSettingSaidTest {
    /** github.com/justincasher/lean-explore/pull/70: an embedding client's batch_size=256, dropped to 32. */
    @Test
    void itIsTheOnlySettingSaidBefore() {
        holdsSaying(Path.of("src/test/resources/conversations_heldout22"), "P05-lean-explore-embedding-batch-256.txt",
                2, "From 256 to 32 is 0.13× the value");
    }
}
