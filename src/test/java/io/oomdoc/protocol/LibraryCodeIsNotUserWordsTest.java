package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The word signals read the user's words, not the framework's code that a traceback prints under a library frame
 * (trial22 defects row 7): facebookresearch/detectron2#1563 (traces/SOURCES.md) fails in torch's own backward frame,
 * whose printed line {@code torch.autograd.backward(self, gradient, retain_graph, create_graph)} was read as graphs
 * the user keeps. The code under the user's own frames stays readable.
 */
class LibraryCodeIsNotUserWordsTest {
    @Test
    void aParameterNameInTorchsBackwardFrameIsNoHeldGraph() {
        Evidence e = new Diagnoser().evidence(LogText.of(Fixtures.text(
                "traces/detectron2-1563-maskrcnn-backward-v100.txt")), null, Facts.EMPTY, null, null, null,
                new ArrayList<>());
        String held = Signals.ALL.stream().filter(s -> s.name().equals("held references")).findFirst().orElseThrow()
                .test().apply(e);
        assertNull(held);
    }

    /** speedinghzl/pytorch-segmentation-toolbox#54 (traces/SOURCES.md): train.py calls loss.backward(). */
    @Test
    void theCodeUnderTheUsersOwnFrameStaysReadable() {
        String trace = Fixtures.text("traces/segtoolbox-backward-1x-cached.txt").toLowerCase(Locale.ROOT);
        assertTrue(LibraryCode.blanked(trace).contains("loss.backward()"));
    }

    /** The phase word read in torch's frame is reported as where it failed, never as something the user said. */
    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aPhaseWordInALibraryFrameIsReportedAsWhereItFailed() {
        Report r = new Diagnoser().diagnose(LogText.of(Fixtures.text(
                "traces/detectron2-1563-maskrcnn-backward-v100.txt")), null, Facts.EMPTY, null, null);
        String said = r.sections().rootCause();
        assertFalse(said.contains("the text says \"retain_graph\""), said);
    }
}
