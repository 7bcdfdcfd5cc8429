package io.oomdoc.protocol.dialogue;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rung the user says they tried is spent for the rest of the session: "still fails with X", "what else?", "that
 * didn't help either" each move down the ladder of the failure held instead of proposing a spent rung again. The
 * failure is h200/fragmentation.log (recorded on an H200, src/test/resources/h200/README.md: a 2 GiB request fails
 * with 97.5 GiB reserved but unallocated), whose first fix is expandable_segments.
 */
class TriedRungsTest {
    private static final String FRAGMENTED = Fixtures.text("h200/fragmentation.log");

    private static Conversation heldFragmentation() {
        Conversation c = new Conversation();
        c.respond(FRAGMENTED);
        return c;
    }

    @Test
    void aFixThatStillFailsIsNotProposedAgain() {
        String a = heldFragmentation().respond("it still fails with expandable segments").text();
        assertFalse(a.contains("expandable_segments:True python"), a);
        assertTrue(a.contains("Next rung"), a);
    }

    @Test
    void whatElseAfterAProposedRungMovesPastIt() {
        Conversation c = heldFragmentation();
        String first = c.respond("it still fails with expandable segments").text();
        String second = c.respond("what else can I try?").text();
        assertEquals(Intent.FOLLOW_UP, c.respond("what else can I try?").intent());
        assertFalse(second.lines().filter(l -> l.startsWith("Next rung")).findFirst().orElse("")
                .equals(first.lines().filter(l -> l.startsWith("Next rung")).findFirst().orElse("-")), second);
    }

    @Test
    void thatDidNotHelpIsAboutTheRungJustProposed() {
        Conversation c = heldFragmentation();
        String proposed = c.respond("what else can I try?").text();
        var reply = c.respond("that didn't help either");
        assertEquals(Intent.FOLLOW_UP, reply.intent());
        String rung = proposed.lines().filter(l -> l.startsWith("Next rung")).findFirst().orElseThrow();
        assertFalse(reply.text().contains(rung), reply.text());
    }

    /**
     * ux13's row 10: "it still OOMs" after a VRAM fragmentation report (the recorded h200/fragmentation.log) asks for
     * the next VRAM rung; the kernel OOM killer's and Slurm's host-RAM passages (entry U9) answer another failure.
     */
    @Test
    void itStillOomsAfterAVramFailureGetsTheNextRungWithoutHostRamPassages() {
        Answer a = heldFragmentation().respond("it still OOMs");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertTrue(a.text().contains("Next rung"), a.text());
        assertFalse(a.text().contains("[U9"), a.text());
        assertFalse(a.text().toLowerCase(java.util.Locale.ROOT).contains("slurm"), a.text());
    }
}
