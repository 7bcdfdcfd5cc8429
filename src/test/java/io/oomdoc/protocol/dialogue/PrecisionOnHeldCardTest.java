package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Would AMP help?" after a Mask R-CNN failure on a 32 GB V100 (facebookresearch/detectron2#1563, trial22): mixed
 * precision on a card without bf16 is fp16 mixed, so the answer must not reason about bf16 and then say the V100 uses
 * fp16. The same question about an A100 stays bf16 mixed.
 */
class PrecisionOnHeldCardTest {
    private static String paste;

    @BeforeAll
    static void read() throws IOException {
        paste = Files.readString(Path.of("src/test/resources/traces/detectron2-1563-maskrcnn-backward-v100.txt"));
    }

    private static String ask(String card) {
        Conversation c = new Conversation();
        c.respond(paste);
        c.respond(card);
        return c.respond("would AMP help? SOLVER.AMP.ENABLED").text();
    }

    @Test
    void mixedPrecisionOnAHeldV100IsFp16Mixed() {
        String a = ask("one V100 32GB");
        assertTrue(a.contains("mixed-fp16"), a);
        assertFalse(a.contains("mixed-bf16"), a);
    }

    @Test
    void mixedPrecisionOnAHeldA100StaysBf16Mixed() {
        assertTrue(ask("one A100 80GB").contains("mixed-bf16"));
    }
}
