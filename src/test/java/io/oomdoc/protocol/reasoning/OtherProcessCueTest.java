package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cue otherproc names memory another or a dead process still holds, in English and in Chinese. */
class OtherProcessCueTest {
    @Test
    void memoryStillHeldAfterTheJobWasKilledToldInChineseIsAnotherProcess() {
        // PaddlePaddle/PaddleScience#1195 (corpus_heldout8): "the background training process, once killed, still
        // occupies GPU memory and it cannot be cleared"
        Set<String> x = CueFeatures.of(CueFeatures.paste("paddlescience-1195-killed-training-keeps-vram-zh"));
        assertTrue(x.contains("cue:otherproc") || x.contains("log:otherproc"), x.toString());
    }

    @Test
    void memoryThatIsSimplyUsedIsNoOtherProcess() {
        // a plain statement of the card's use in Chinese ("显存占用 10G") names no holder
        Set<String> x = CueFeatures.of("训练时显存占用10G，batch size 16");
        assertFalse(x.contains("cue:otherproc") || x.contains("log:otherproc"), x.toString());
    }
}
