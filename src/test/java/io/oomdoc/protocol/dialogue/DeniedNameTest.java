package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.FactExtractor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A card or model the user denies beside the one they have ("Llama-3.2-1B, not the 8B") is the value replaced: the
 * correction holds the other. Real turn: conversations_heldout8 (readable half) I06, written from
 * github.com/meta-llama/llama-cookbook/issues/785.
 */
class DeniedNameTest {
    @Test
    void theModelNamedBesideADeniedSizeIsTheOneHeld() {
        holdsSaying(Path.of("src/test/resources/conversations_heldout8"),
                "I06-llama-cookbook-fsdp-50k-context-eight-a40.txt", 4, "llama-3.2-1b");
    }

    @Test
    void aDeniedCardBeforeTheOwnOneIsDropped() {
        var read = FactExtractor.read("it's not a 4090, it's a 3090");
        assertEquals("GeForce RTX 3090", read.asserted().gpuName());
    }
}
