package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * A setting that filled someone else's cards, asked for another card, scales with the memory: the thread's own knob
 * gets a value, not a general rung. Real turn of conversations_heldout23 (burned, read by conv19a).
 */
class SettingForCardTest {
    /** github.com/imdanboy/jets/issues/5: batch_bins 3000000 on 4 V100 32GB, asked for a single 24 GB card. */
    @Test
    void theAuthorsBatchBinsCarriedToOneSmallerCard() {
        holdsSaying(Path.of("src/test/resources/conversations_heldout23"), "P09-jets-libritts-3090-batch-bins.txt", 2,
                "start near batch_bins 562,500");
    }
}
