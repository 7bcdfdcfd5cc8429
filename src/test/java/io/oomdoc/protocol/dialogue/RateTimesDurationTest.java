package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rate times a duration: frames of a video, samples of a clip, feature frames of an utterance. Turns of the burned
 * held-out sets 25, 28 and 29 (each scored blind once, development data since), and the calculation alone.
 */
class RateTimesDurationTest {
    /** github.com/yohanshin/WHAM/issues/93: "at 30 fps, how many frames is 20 seconds?". */
    @Test
    void framesPerSecondTimesSecondsIsTheFrameCount() {
        var v = turn(Path.of("src/test/resources/conversations_heldout29"), "P14-wham-3080-twenty-second-demo.txt", 3);
        assertTrue(v.output().contains("= 600 frames"), v.output());
    }

    /** github.com/k2-fsa/sherpa/issues/89: 100 feature frames per second over 30 minutes. */
    @Test
    void minutesAreSixtySeconds() {
        var v = turn(Path.of("src/test/resources/conversations_heldout28"), "P03-sherpa-offline-server-30-minutes.txt",
                3);
        assertTrue(v.output().contains("= 180,000"), v.output());
    }

    /** github.com/lmnt-com/diffwave/issues/8: 20 seconds at 24 kHz. */
    @Test
    void kilohertzIsAThousandSamplesASecond() {
        var v = turn(Path.of("src/test/resources/conversations_heldout25"), "P28-diffwave-long-sentences.txt", 3);
        assertTrue(v.output().contains("= 480,000 samples"), v.output());
    }

    @Test
    void aRateAloneIsNoCount() {
        assertNull(RateTimesDuration.of(new Calculations.Ask("how many frames does 30 fps give?", "",
                io.oomdoc.protocol.Facts.EMPTY)));
    }

    @Test
    void hoursAndTokensPerSecond() {
        assertEquals("50 tokens per second × 7200 s = 360,000 tokens.", RateTimesDuration.of(new Calculations.Ask(
                "at 50 tokens per second, how many tokens is 2 hours?", "", io.oomdoc.protocol.Facts.EMPTY)));
    }
}
