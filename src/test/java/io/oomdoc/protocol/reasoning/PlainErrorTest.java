package io.oomdoc.protocol.reasoning;

import io.oomdoc.Fixtures;
import io.oomdoc.corpus.Case;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A traceback that ends in an error about something else, with no word of memory anywhere, is not an out-of-memory
 * failure (DESIGN.md: issue_type not_oom, no memory fix), on real reports.
 */
class PlainErrorTest {
    private static Report diagnose(String text) {
        return new Diagnoser().diagnose(LogText.of(text), null, Facts.EMPTY, null, null);
    }

    @Test
    void anAutogradAssertionAtTheEndOfATracebackIsNotAnOom() {
        // ruoqianguo/cascade-rcnn_Pytorch#27: loss.backward() stops on input_buffer.cpp's assertion
        Case c = RealEvidence.ofId("cascade-rcnn-27-autograd-input-buffer-assert");
        Report r = diagnose(c.withDescription());
        assertEquals("not_oom", r.issueType());
        assertTrue(r.sections().rootCause().contains("Assertion `pos >= 0"), r.sections().rootCause());
    }

    @Test
    void theSameAssertionPastedAloneIsNotAnOomEither() {
        assertEquals("not_oom", diagnose(RealEvidence.ofId("cascade-rcnn-27-autograd-input-buffer-assert").paste())
                .issueType());
    }

    @Test
    void aTracebackEndingInTheAllocatorsMessageIsNoPlainError() {
        // the segmentation toolbox's backward OOM (traces/SOURCES.md): a RuntimeError, but one about memory
        assertNull(PlainError.of(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt")));
    }
}
