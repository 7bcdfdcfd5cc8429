package io.oomdoc.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Passage search over the bundled knowledge: the questions are follow-ups from real threads. */
class PassagesTest {
    private final Passages bundled = new Passages(Passages.of(KnowledgeBase.bundled()));

    @Test
    void aQuestionAboutDyingInsideAdamFindsTheStepTwoEntry() {
        var hit = bundled.best("why does it die inside adam and not in forward?", Set.of(), 1);
        assertEquals("M17", hit.orElseThrow().passage().kb());
    }

    @Test
    void aQuestionThatSharesOnlyChatterWithTheKnowledgeFindsNothing() {
        assertTrue(bundled.best("ok so what do you think about all of that then", Set.of(), 1).isEmpty());
    }

    @Test
    void theEntryTheFailurePointsToWinsATie() {
        var a = new Passages.Passage("M1", "a", "", "Checkpointing trades compute for activation memory.");
        var b = new Passages.Passage("M7", "b", "", "Checkpointing trades compute for activation memory.");
        var all = new java.util.ArrayList<>(List.of(a, b));
        for (int i = 0; i < 20; i++) all.add(new Passages.Passage("F" + i, "f", "", "Unrelated filler passage " + i));
        var hit = new Passages(all).best("does checkpointing cost compute", Set.of("M7"), 1.4);
        assertEquals("M7", hit.orElseThrow().passage().kb());
    }

    @Test
    void anExcerptKeepsTheSentencesThatCarryTheQuestionsWordsInTheirOrder() {
        var p = new Passages.Passage("M10", "t", "", "Offload moves states to host RAM. It costs bandwidth. "
                + "Activations stay on the GPU. NVMe is slower still.");
        assertEquals("Offload moves states to host RAM. Activations stay on the GPU.",
                Passages.excerpt(p, "does offload move activations", 2));
    }
}
