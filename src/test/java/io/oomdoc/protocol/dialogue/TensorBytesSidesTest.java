package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sides a question names without writing them as a product: a count in millions of nodes, one count of a square
 * matrix's things, a recording's length at its sampling rate, a width per thing counted in the turn before. The
 * tensor is still its elements times the bytes of the type named (burned set 28, readable half). The turn's own words
 * are computed, not the conversation replayed: the replay costs seconds, and the calculation alone is the behaviour.
 */
class TensorBytesSidesTest {
    private static final Path SET28 = Path.of("src/test/resources/conversations_heldout28");

    /** github.com/twitter-research/tgn/issues/16 (#2): 8 million nodes, a 172-dim fp32 memory each. */
    @Test
    void millionsOfNodesAreACount() {
        computes("P28-tgn-node-memory-on-gpu.txt", 2, "8,000,000 × 172 = 1.38B values × 4 B (fp32) = 5.5 GB");
    }

    /** github.com/tsinghua-fib-lab/MBGCN/issues/5 (#2): a dense item-item matrix of 200,000 items in fp32. */
    @Test
    void aPairMatrixHasTheCountOnBothSides() {
        computes("P29-mbgcn-item-graph-100g.txt", 2, "200,000 × 200,000 = 40B values × 4 B (fp32) = 160 GB");
    }

    /** github.com/nomadkaraoke/python-audio-separator/issues/120 (#3): 2 hours at 44.1 kHz, stereo, float32. */
    @Test
    void aWaveformIsSecondsTimesRateTimesChannels() {
        computes("P02-audio-separator-two-hour-recording.txt", 3,
                "7,200 × 44,100 × 2 = 635M values × 4 B (fp32) = 2.54 GB");
    }

    /**
     * github.com/jingsenzhu/IndoorInverseRendering/issues/6 (#3): "64 fp32 features per point" after the turn that
     * wrote the points as 32*64*640*480; the type's own digits are no dimension.
     */
    @Test
    void aWidthPerThingTakesTheCountWrittenInTheTurnBefore() {
        var turns = Transcripts.read(SET28.resolve("P27-indoor-inverse-rendering-s-n-h-w.txt")).turns();
        String text = turns.get(2).input();
        String line = TensorBytes.of(new Calculations.Ask(text, text + "\n" + turns.get(1).input(), Facts.EMPTY));
        assertTrue(line != null && line.contains("629,145,600 × 64 = 40.3B values × 4 B (fp32) = 161 GB"),
                String.valueOf(line));
    }

    /** The turn's question, computed on its own words, says this. */
    private static void computes(String file, int index, String words) {
        String text = Transcripts.read(SET28.resolve(file)).turns().get(index - 1).input();
        String line = TensorBytes.of(new Calculations.Ask(text, text, Facts.EMPTY));
        assertTrue(line != null && line.contains(words), String.valueOf(line));
    }
}
