package io.oomdoc.corpus;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phase label audit of the twenty-eighth session (bench/diag33_phases.md): where an old label contradicted
 * docs/phases.md the definition's value is the label and the old one stays an accepted phase, read from the
 * case's phase_alternatives.
 */
class PhaseAlternativesTest {

    /** diffuseq-64 (corpus_heldout9, Shark-NLP/DiffuSeq#64): killed at 65% of padding the data set, once unknown. */
    private static Case diffuseq() {
        return Corpus.heldout9().stream().filter(c -> c.id().equals("diffuseq-64-padding-killed-ram")).findFirst()
                .orElseThrow();
    }

    @Test
    void aRelabelledCaseAcceptsTheDefinitionsPhaseAndItsOlderReading() {
        Case c = diffuseq();
        assertEquals("dataloader", c.phase());
        assertEquals(List.of("unknown"), c.phaseAlternatives());
        assertTrue(c.acceptsPhase("dataloader"));
        assertTrue(c.acceptsPhase("unknown"));
    }

    @Test
    void aPhaseThatIsNeitherTheLabelNorAnAlternativeIsAMiss() {
        assertFalse(diffuseq().acceptsPhase("forward"));
    }

    @Test
    void aCaseWithoutPhaseAlternativesAcceptsOnlyItsLabel() {
        Case c = Corpus.heldout9().stream().filter(x -> x.phaseAlternatives().isEmpty()).findFirst().orElseThrow();
        assertTrue(c.acceptsPhase(c.phase()));
        String other = c.phase().equals("forward") ? "backward" : "forward";
        assertFalse(c.acceptsPhase(other));
    }
}
