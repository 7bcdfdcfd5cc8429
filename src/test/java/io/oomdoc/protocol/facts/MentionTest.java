package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Spans are half-open, [start, end): mentions that only touch do not overlap. */
class MentionTest {
    @Test
    void lengthIsEndMinusStart() {
        assertEquals(5, new Mention(3, 8, "batch", "4").length());
    }

    @Test
    void touchingSpansDoNotOverlap() {
        Mention a = new Mention(0, 5, "gpus", "2"), b = new Mention(5, 9, "gpu", "RTX 3090");
        assertFalse(a.overlaps(b));
        assertFalse(b.overlaps(a));
    }

    @Test
    void sharingOneCharacterIsAnOverlap() {
        Mention a = new Mention(0, 5, "gpus", "2"), b = new Mention(4, 9, "gpu", "RTX 3090");
        assertTrue(a.overlaps(b));
        assertTrue(b.overlaps(a));
    }
}
