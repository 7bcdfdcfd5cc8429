package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measurements the user quotes ("the authors measured 13G at 512x512 and 16G at 1024x1024") and a card the question
 * names ("my 16 GB card", "so 12 GB is out?"): the verdict is the quoted need against that card, tight when no
 * headroom is left, and the question is a fit question whatever failure is held (burned sets 15, 18 and 19).
 */
class QuotedNeedFitTest {
    private static final Path SET_15 = Path.of("src/test/resources/conversations_heldout15");
    private static final Path SET_18 = Path.of("src/test/resources/conversations_heldout18");
    private static final Path SET_19 = Path.of("src/test/resources/conversations_heldout19");
    private static final String GAUSSIAN = "P36-gaussiandreamer-v100-13gb-16gb.txt";

    /**
     * github.com/hustvl/GaussianDreamer/issues/13 (#2): "will 1024 fit on my 16 GB card?" is the 1024 px measurement
     * (16G) on the user's card, not the 13G one, and not on the authors' V100 32G.
     */
    @Test
    void theNeedMeasuredAtTheSettingAskedIsSetAgainstTheUsersCard() {
        var v = CaseFiguresTest.turn(SET_18, GAUSSIAN, 2);
        assertTrue(v.output().contains("16 GiB needed, within the card (16 GiB) by only 0 B: tight"), v.output());
    }

    /** The same thread's "and at 512?": the same fit question at the other measured setting, 13G on 16 GB. */
    @Test
    void aShortContinuationOfAFitQuestionTakesTheOtherMeasurement() {
        var v = CaseFiguresTest.turn(SET_18, GAUSSIAN, 3);
        assertEquals("fit", v.gotIntent(), v.output());
        assertTrue(v.output().contains("13 GiB needed, within the card (16 GiB): it fits, with 3 GiB to spare"),
                v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/vislearn/PrimeDepth/issues/3 (#2): 15, 17 and 37 GB quoted, "so 12 GB is out?": each is over. */
    @Test
    void aVerdictOnQuotedNeedsIsAFitQuestion() {
        var v = CaseFiguresTest.turn(SET_18, "P33-primedepth-12gb-resolution.txt", 2);
        assertEquals("fit", v.gotIntent(), v.output());
        assertTrue(v.output().contains("15 GiB needed, more than the card (12 GiB): short by 3 GiB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/lsdefine/simple_GRPO/issues/21 (#2): 90G and 80G measured on two H20-NVLink 96G, "so one 80 GB
     * A100 won't do?": the 96G is the card the measurement ran on, the 80 GB the one asked about.
     */
    @Test
    void theCardOfTheMeasurementIsNotTheCardAsked() {
        var v = CaseFiguresTest.turn(SET_18, "P42-simple-grpo-7b-two-h20.txt", 2);
        assertTrue(v.output().contains("90 GiB needed, more than the card (80 GiB): short by 10 GiB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/ttengwang/Caption-Anything/issues/8 (#2): three variants measured, "which one should I run on my
     * 12G?": each against the card, the 11.7G one tight.
     */
    @Test
    void severalMeasuredVariantsAreEachSetAgainstTheCard() {
        var v = CaseFiguresTest.turn(SET_19, "P22-caption-anything-blip2-12gb.txt", 2);
        assertTrue(v.output().contains("11.7 GiB needed, within the card (12 GiB) by only 307 MiB: tight"),
                v.output());
        assertTrue(v.output().contains("8.5 GiB needed"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/Const-me/Whisper/issues/184 (#2): "about 4 GB" each, "how many parallel instances fit on 12 GB?". */
    @Test
    void howManyCopiesOfAQuotedNeedFitIsCounted() {
        var v = CaseFiguresTest.turn(SET_15, "P21-const-me-whisper-gpu-choice-large-model-instances.txt", 2);
        assertTrue(v.output().contains("holds 3 copies at 4 GiB each, 2 once"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/xberg-io/xberg/issues/1717 (P47 #4): "the L4 has 24 GB. how much headroom would we want over the
     * p90 of 23,775 MiB?": a percentile in MiB with a thousands comma is the need, the card the one the user has.
     */
    @Test
    void aPercentileInMebibytesIsANeed() {
        var v = CaseFiguresTest.turn(SET_19, "P47-xberg-paddleocr-vl-peak-by-document.txt", 4);
        assertEquals("fit", v.gotIntent(), v.output());
        assertTrue(v.output().contains("23.2 GiB needed, within the card (24 GiB) by only 801 MiB: tight"),
                v.output());
    }

    /**
     * forums.developer.nvidia.com thread 370049 (P11 #4): "memory it doesn't use, so llama.cpp's 929 MB
     * buffer fits?" quotes no need: it stays the follow-up it is.
     */
    @Test
    void aDeniedUseIsNoNeed() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout14"),
                "P11-nvidia-forum-orin-nano-llamacpp-and-nemo-asr-share-8gb.txt", 4);
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
