package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A phase the reporter's words name is evidence of a strength, not a verdict: it overrides the learned phase only
 * where the phase model finds it plausible (Reasoner.WORDS_PLAUSIBLE), so a phrase about another moment of the job
 * does not become the phase of the failure.
 */
class WordsStrengthTest {
    private static String phase(String id, boolean withDescription) {
        // corpus_heldout16: a burned blind split the bundled weights are not fitted on
        Case c = Corpus.heldout16().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
        return new Diagnoser().diagnose(LogText.of(withDescription ? c.withDescription() : c.paste()), null,
                Facts.EMPTY, null, null).phase();
    }

    @Test
    void testingNamedOnlyAsTheRunThatFitsDoesNotMakeATrainingFailureAnEvaluation() {
        // facebookarchive/C3D#39: "while training/finetuning ... unable to increase the batch_size more than 5.
        // However I am able to have a batch_size of 30 while testing": "while testing" names the run that works
        assertEquals("unknown", phase("c3d-39-train-batch-5-vs-test-30", true));
        assertEquals("unknown", phase("c3d-39-train-batch-5-vs-test-30", false));
    }

    @Test
    void wordsTheModelFindsPlausibleStillOverrideIt() {
        FeatureVector x = FeatureVector.builder().flag("words-phase:eval").build();
        assertEquals("eval", Reasoner.stated(x, "unknown", said -> true));
        assertEquals("unknown", Reasoner.stated(x, "unknown", said -> false));
    }

    @Test
    void aPhaseNamedForTheRunThatWorksIsNotAWordOfTheFailure() {
        // facebookarchive/C3D#39's own sentence: the phrase "while testing" sits in the clause of the run that works
        FeatureVector.Builder b = FeatureVector.builder();
        PhaseWords.addTo("however i am able to have a batch_size of value 30 while testing.", b);
        assertEquals(0.0, b.build().values().getOrDefault("words-phase:eval", 0.0));
        FeatureVector.Builder failing = FeatureVector.builder();
        PhaseWords.addTo("it runs out of memory while testing.", failing);
        assertEquals(1.0, failing.build().values().getOrDefault("words-phase:eval", 0.0));
    }
}
