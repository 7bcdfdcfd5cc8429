package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogReader;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.Phase;
import io.oomdoc.evidence.trace.PhaseDefinitions;
import io.oomdoc.evidence.trace.PhaseDefinitions.Definition;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registry check of knowledge/phases.tsv: every phase value the JSON can carry is defined once, and each
 * definition's example, a real report or fixture, is diagnosed with that phase: no value is defined and never reached.
 */
class PhaseDefinitionsTest {
    private static final String CORPUS = "corpus:";

    @Test
    void everyPhaseValueIsDefinedExactlyOnce() {
        List<Phase> defined = PhaseDefinitions.all().stream().map(Definition::phase).sorted().toList();
        assertEquals(Arrays.stream(Phase.values()).sorted().toList(), defined);
    }

    @Test
    void everyPhaseIsReachedByTheRealReportItsDefinitionCites() throws Exception {
        List<String> missed = new ArrayList<>();
        for (Definition d : PhaseDefinitions.all()) {
            String said = diagnose(d.example()).phase();
            if (!said.equals(d.phase().json())) missed.add(d.phase().json() + " <- " + d.example() + " said " + said);
        }
        assertEquals(List.of(), missed);
    }

    private static Report diagnose(String example) throws Exception {
        LogText log;
        if (example.startsWith(CORPUS)) {
            String id = example.substring(CORPUS.length());
            log = LogText.of(Corpus.inTrainable(id)
                    .map(Case::paste).orElseThrow());
        } else {
            try (InputStream in = Files.newInputStream(Fixtures.path(example))) {
                log = new LogReader().read(in);
            }
        }
        return EvidenceGatherer.from(log).gather().diagnose(new Diagnoser());
    }
}
