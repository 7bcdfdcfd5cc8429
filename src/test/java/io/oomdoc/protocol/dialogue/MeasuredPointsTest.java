package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory the user measured at one or two counts answers "how much per sample?" and "what would N need?" (burned sets
 * 14, 21, 23, 25 and 26, development data).
 */
class MeasuredPointsTest {
    private static final Path SET_14 = Path.of("src/test/resources/conversations_heldout14");
    private static final Path SET_21 = Path.of("src/test/resources/conversations_heldout21");
    private static final Path SET_23 = Path.of("src/test/resources/conversations_heldout23");
    private static final Path SET_25 = Path.of("src/test/resources/conversations_heldout25");
    private static final Path SET_26 = Path.of("src/test/resources/conversations_heldout26");

    private static String of(String text, String before) {
        return MeasuredPoints.of(new Calculations.Ask(text, text + "\n" + before, Facts.EMPTY));
    }

    /** github.com/TensorAuto/OpenTau/pull/273 (#2): two measurements in the turn give the cost of one more sample. */
    @Test
    void twoMeasurementsGiveTheCostOfOneMore() {
        var v = CaseFiguresTest.turn(SET_25, "P32-opentau-fsdp-vs-zero2-80gb.txt", 2);
        assertTrue(v.output().startsWith("36.22 GB at batch 8 and 46.25 GB at batch 16: each extra sample adds about"
                + " 1.25 GB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/OpenMOSS/MOSS-TTSD/issues/6 (#2): "from those two runs" are the seconds and GB of the turn before. */
    @Test
    void theMeasurementsOfTheTurnBeforeAnswerEachExtraSecond() {
        var v = CaseFiguresTest.turn(SET_14, "P35-moss-ttsd-long-dialogue-vram-growth.txt", 2);
        assertTrue(v.output().startsWith("9 GB at 180 s and 10.2 GB at 320 s: each extra second adds about 8.57 MB"),
                v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/microsoft/VibeVoice/issues/210 (#3): 30 minutes and 1 hour measured, the cost of a minute asked. */
    @Test
    void hoursAndMinutesAreOneScale() {
        var v = CaseFiguresTest.turn(SET_21, "P40-vibevoice-asr-memory-per-minute.txt", 3);
        assertTrue(v.output().contains("each extra minute adds about 0.23 GB (233.3 MB)"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/mankasto/iLRG/issues/1 (#2): one measurement is a bound per sample, the fixed part still in it. */
    @Test
    void oneMeasurementIsAnUpperBound() {
        var v = CaseFiguresTest.turn(SET_26, "P24-ilrg-resnet50-batch4096.txt", 2);
        assertTrue(v.output().startsWith("40 GB at 512 is at most 78.1 MB per sample"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/facebookresearch/MetaCLIP/issues/47 (#2): another count from one measurement, in proportion. */
    @Test
    void anotherCountFromOneMeasurementIsProportional() {
        var v = CaseFiguresTest.turn(SET_23, "P24-metaclip-vitb16-v100-batch-512.txt", 2);
        assertTrue(v.output().startsWith("At 512: at most about 52 GB (26 GB at 256, times 2)"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** OpenTau#273 (#3): the nearest measurement (batch 40) plus the slope of the two before, not a ratio from 8. */
    @Test
    void anotherCountStartsFromTheNearestMeasurement() {
        String before = "from the table, ZeRO-2 goes from 36.22 GB at bs 8 to 46.25 at bs 16. how much per sample?\n"
                + "ZeRO-2 with sdpa + activation checkpointing runs batch 40 at 78.41 GB allocated, 79.90 GB reserved";
        String s = of("so what would batch 44 need?", before);
        assertTrue(s != null && s.startsWith("At 44: about 83.4 GB, from 78.41 GB at batch 40"), s);
    }

    /** A cost per token asked with no measurement in sight is the KV cache's question, not this one. */
    @Test
    void noMeasurementNoAnswer() {
        assertNull(of("how much memory per token does the kv cache take?", "I serve llama 3.1 8b on a 24 GB card"));
    }
}
