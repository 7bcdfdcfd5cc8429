package io.oomdoc.evidence.watch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The watcher samples every 100 ms while a job's memory takes its shape, and at the user's interval otherwise. */
class SamplingPlanTest {
    private final SamplingPlan plan = new SamplingPlan(1000);

    @Test
    void theFirstTenSecondsOfTheJobAreSampledDensely() {
        assertEquals(100, plan.gapMs(0, -1));
        assertEquals(100, plan.gapMs(9_999, -1));
        assertEquals(1000, plan.gapMs(10_000, -1), "a job that prints no step is back at the interval after 10 s");
    }

    @Test
    void theFirstTenSecondsAfterTheFirstStepAreSampledDenselyAgain() {
        // a model that loaded for two minutes before its first step line
        assertEquals(1000, plan.gapMs(60_000, -1));
        assertEquals(100, plan.gapMs(120_000, 120_000));
        assertEquals(100, plan.gapMs(129_999, 120_000));
        assertEquals(1000, plan.gapMs(130_000, 120_000));
    }

    @Test
    void aLongRunIsSampledAtTheIntervalAndAShortIntervalIsKept() {
        assertEquals(1000, plan.gapMs(3_600_000, 2_000));
        assertEquals(5000, new SamplingPlan(5000).gapMs(20_000, 3_000));
        assertEquals(100, new SamplingPlan(100).gapMs(20_000, 3_000));
    }
}
