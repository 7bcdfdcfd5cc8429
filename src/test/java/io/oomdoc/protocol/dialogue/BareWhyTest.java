package io.oomdoc.protocol.dialogue;

import io.oomdoc.Fixtures;
import io.oomdoc.protocol.Report;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "why?" on its own after a pasted failure asks why it failed: the answer is the root cause held, not the glossary
 * entry for a term of the paste (ux13's row 9: "Tried to allocate" was explained instead). The paste is
 * traces/segtoolbox-backward-1x-cached.txt (speedinghzl/pytorch-segmentation-toolbox#54, traces/SOURCES.md).
 */
class BareWhyTest {
    @Test
    void whyAloneAfterAPasteIsAnsweredWithTheRootCause() {
        Conversation c = new Conversation();
        Report r = c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt")).report();
        var a = c.respond("why?");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        String firstSentence = r.sections().rootCause().split("(?<=\\.)\\s+")[0];
        assertTrue(a.text().startsWith(firstSentence), a.text());
        assertFalse(a.text().startsWith("Tried to allocate:"), a.text());
    }

    @Test
    void whyWithATermStaysAQuestionAboutTheTerm() {
        Conversation c = new Conversation();
        c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        var a = c.respond("why is reserved bigger than allocated?");
        assertTrue(a.text().toLowerCase().contains("reserved"), a.text());
    }
}
