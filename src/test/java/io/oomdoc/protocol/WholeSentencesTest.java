package io.oomdoc.protocol;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** No sentence of a report is cut off or starts with a stray ";" (issue 12, point 6; ReportAudit's text checks). */
class WholeSentencesTest {
    private static final Diagnoser D = new Diagnoser();

    private static Report diagnose(String id) {
        Case c = Corpus.inAll(id).orElseThrow();
        return EvidenceGatherer.from(LogText.of(c.paste())).sessionFacts(Facts.EMPTY).gather().diagnose(D);
    }

    @Test
    void aFrameCutAtAnOpenBracketIsMarkedCutBeforeTheNextReason() {
        // open-edge-platform/geti#7373 (corpus): the failing frame's code is "raise RuntimeError(" on its first line
        String root = diagnose("geti-7373-rfdetr-seg-xl-worker-exited").sections().rootCause();
        assertFalse(root.contains("(;"), root);
        // marked cut, then the next reason (";") or the end of the evidence (".")
        assertTrue(root.matches("(?s).*RuntimeError\\(\u2026[;.].*"), root);
    }

    @Test
    void everyNoteOfTheSummaryEndsItsSentence() {
        // SHI-Labs/NATTEN#13 (corpus): the last note of the summary, on memory no listed process holds, had no stop
        String summary = diagnose("natten-13-cuda5-vs-smi-order-busy-card").sections().memoryStateSummary();
        assertTrue(summary.endsWith("."), summary);
    }
}
