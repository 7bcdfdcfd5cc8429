package io.oomdoc.protocol.dialogue;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which rung of the held failure's fix ladder a follow-up is about: the one the user says failed, the one the answer
 * before proposed, the next one not yet spent. The failure is xinge008/Cylinder3D#109 (traces/cylinder3d-backward-
 * tqdm-1x.txt, SOURCES.md), diagnosed once as `oomdoc diagnose` does, without a conversation around it: its ladder is
 * the micro-batch, checkpointing (two rungs), then autocast.
 */
class FollowUpsRungsTest {
    private static final Report HELD = diagnosed("cylinder3d-backward-tqdm-1x.txt");

    private static Report diagnosed(String trace) {
        String text = Fixtures.text("traces/" + trace);
        return new Diagnoser().diagnose(LogText.of(text), text, Facts.EMPTY, null, null);
    }

    private static String kbOf(String titleWord) {
        return HELD.fixes().stream().filter(f -> f.title().toLowerCase().contains(titleWord)).findFirst()
                .orElseThrow().kb();
    }

    @Test
    void aFixTheUserSaysStillFailsIsTheRungItsKnobNames() {
        assertEquals(kbOf("checkpointing"), FollowUps.failedFix("I already use gradient checkpointing, still OOM", HELD));
    }

    @Test
    void aFixAskedAboutIsNotAFailedOne() {
        assertNull(FollowUps.failedFix("would checkpointing help?", HELD));
    }

    @Test
    void withNoFailureHeldNothingHasFailed() {
        assertNull(FollowUps.failedFix("I already use gradient checkpointing, still OOM", null));
    }

    @Test
    void thatDidNotHelpIsAboutTheRungProposedBefore() {
        assertEquals("M5", FollowUps.failedFix("that didn't help either", HELD, "M5"));
        assertNull(FollowUps.failedFix("that didn't help either", HELD), "no rung was proposed");
    }

    @Test
    void aKnobTheTurnNamesWinsOverTheRungProposedBefore() {
        assertEquals(kbOf("checkpointing"), FollowUps.failedFix("still oom with checkpointing", HELD, "M5"));
    }

    @Test
    void theRungAnAnswerProposedIsReadFromItsNextRungLine() {
        String answer = FollowUps.answer("what else can I try?", false, HELD, Facts.EMPTY);
        assertTrue(answer.startsWith(Messages.get("followup.next") + " " + HELD.fixes().get(1).title()), answer);
        assertEquals(HELD.fixes().get(1).kb(), FollowUps.shownRung(answer));
    }

    @Test
    void anAnswerThatProposedNoRungShowsNone() {
        assertNull(FollowUps.shownRung(FollowUps.answer("is it a memory problem?", false, HELD, Facts.EMPTY)));
        assertNull(FollowUps.shownRung(null));
    }

    @Test
    void whatElseAsksForTheNextRungUnlessItNamesAFixOrNothingIsHeld() {
        assertTrue(FollowUps.asksNextRung("what else can I try?", HELD));
        assertTrue(FollowUps.asksNextRung("any other options?", HELD));
        assertFalse(FollowUps.asksNextRung("what else besides checkpointing?", HELD), "names a fix of the ladder");
        assertFalse(FollowUps.asksNextRung("what else can I try?", null));
        assertFalse(FollowUps.asksNextRung("would checkpointing help?", HELD));
    }

    @Test
    void aSpentRungIsSkippedWithEveryRungOfItsKbEntry() {
        String a = FollowUps.answer("I already use gradient checkpointing, what else?", false, HELD, Facts.EMPTY);
        assertTrue(a.startsWith(Messages.get("followup.tried", HELD.fixes().get(1).title())), a);
        assertTrue(a.contains(Messages.get("followup.next") + " " + HELD.fixes().get(0).title() + " ["
                + HELD.fixes().get(0).kb() + "]"), a);
    }

    @Test
    void theRungsTriedEarlierInTheSessionAreSkipped() {
        String a = FollowUps.answer("what else can I try?", null, false, HELD, Facts.EMPTY, Set.of(kbOf("micro-batch")));
        assertEquals(Messages.get("followup.next") + " " + HELD.fixes().get(1).title() + " [" + HELD.fixes().get(1).kb()
                + "]", a.lines().findFirst().orElseThrow());
    }

    @Test
    void whenEveryRungIsSpentTheLadderSaysSo() {
        Set<String> all = new java.util.HashSet<>();
        HELD.fixes().forEach(f -> all.add(f.kb()));
        String a = FollowUps.answer("what else can I try?", null, false, HELD, Facts.EMPTY, all);
        assertEquals(Messages.get("followup.nofix"), a.lines().findFirst().orElseThrow());
    }
}
