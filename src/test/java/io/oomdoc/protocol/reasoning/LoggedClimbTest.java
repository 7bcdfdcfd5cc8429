package io.oomdoc.protocol.reasoning;

import io.oomdoc.protocol.Category;
import io.oomdoc.protocol.Evidence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory readings a log prints run after run: a series that climbs to a failure is what accumulates, not the fixed
 * cost (and so are the reporter's words that memory grows); a flat, falling or saw-tooth series is no climb. Real
 * logs (traces/SOURCES.md, issue 12) and one corpus case.
 */
class LoggedClimbTest {
    private static final List<String> LABELS = LinearModel.resource(Reasoner.CATEGORY_WEIGHTS).labels();

    private static String climb(String trace) {
        return RealEvidence.features(RealEvidence.ofTrace(trace)).reasons().get(FeatureExtractor.LOG_MEMORY_GROWS);
    }

    private static double[] uniformConstrained(Evidence e) {
        double[] p = new double[LABELS.size()];
        Arrays.fill(p, 1.0 / LABELS.size());
        Constraints.apply(e, RealEvidence.features(e), LABELS, p);
        return p;
    }

    private static double at(double[] p, Category c) { return p[LABELS.indexOf(c.json())]; }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aProgressBarsGpuMemColumnThatClimbsIsAClimb() {
        // ultralytics/yolov5#9320: gpu_mem 4.11G, 8.21G, 15.1G, "18.6 G" in epoch 0, then out of memory
        assertEquals("the logged memory climbs from 4.1 to 18.6 GiB over 4 readings",
                climb("yolov5-9320-gpu-mem-column-climbs.txt"));
    }

    @Test
    void aSlowClimbThatRisesAtEveryReadingIsAClimb() {
        // WongKinYiu/yolov7#1788: 15.3G at epoch 38 to 18.3G at epoch 223, then out of memory
        assertEquals("the logged memory climbs from 15.3 to 18.3 GiB over 4 readings",
                climb("yolov7-1788-epoch-column-climbs.txt"));
    }

    @Test
    void nvidiaSmiUsedFiguresWrittenDownPerEpochThatClimbAreAClimb() {
        // lhnguyen102/cuTAGI#71: 3149MiB to 13683MiB of 16384MiB over epochs 0 to 3, then out of memory in epoch 4
        assertEquals("the logged memory climbs from 3.1 to 13.4 GiB over 4 readings",
                climb("cutagi-71-nvsmi-used-climbs-per-epoch.txt"));
    }

    @Test
    void aSeriesThatGrowsInStepsAmongOtherSeriesOnTheSameLinesIsAClimb() {
        // rwth-i6/returnn#1478: alloc cur 427.8MB, 1.9GB ... 5.0, 4.9GB, beside alloc peak that jumps up and down
        assertEquals("the logged memory climbs from 0.4 to 4.9 GiB over 11 readings",
                climb("returnn-1478-alloc-cur-climbs-keyed.txt"));
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void allocatorFiguresThatGoUpAndDownAreNoClimb() {
        // pytorch/pytorch#31252: caught OOMs with 4.01, 5.65, 4.01, 5.57, 5.51, 5.67 GiB already allocated
        assertNull(climb("flat-pytorch-31252-oom-warnings-sawtooth.txt"));
    }

    @Test
    void aPeakThatFallsAfterTheFirstIterationIsNoClimb() {
        // donnyyou/torchcv#159: max mem 9.849 GB in the first iteration, 5.010 then 5.016 GB after
        assertNull(climb("flat-torchcv-159-max-mem-falls.txt"));
    }

    @Test
    void aClimbToAFailureRulesTheFixedCostDownLikeTheOneTimePeaks() {
        // ultralytics/yolov5#9320: the model ran for the steps the log shows, so its fixed cost fits
        double[] p = uniformConstrained(RealEvidence.ofTrace("yolov5-9320-gpu-mem-column-climbs.txt"));
        assertEquals(at(p, Category.LONGEST_BATCH), at(p, Category.MODEL_TOO_LARGE), 1e-12);
        assertTrue(at(p, Category.LEAK_HELD_REFERENCES) > at(p, Category.MODEL_TOO_LARGE), Arrays.toString(p));
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void theReportersWordsThatMemoryGrowsToAFailureRuleTheFixedCostDownToo() {
        // corpus case e5-mistral-7-embedding-inference-memory-climbs: "memory climbs" in the words, then the message
        double[] p = uniformConstrained(RealEvidence.ofCase("e5-mistral-7-embedding-inference-memory-climbs"));
        assertEquals(at(p, Category.LONGEST_BATCH), at(p, Category.MODEL_TOO_LARGE), 1e-12);
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void readingsThatClimbToAnOutOfMemoryAreDiagnosedAsALeak() {
        // lhnguyen102/cuTAGI#71: the maintainer found a buffer reallocated without being freed (PR #72); before
        // the per-epoch readings were read, the report said longest_batch
        var k = Reasoner.bundled().conclude(RealEvidence.ofTrace("cutagi-71-nvsmi-used-climbs-per-epoch.txt"));
        assertEquals(Category.LEAK_HELD_REFERENCES, k.hypotheses().get(0).category());
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void noClimbLeavesTheFixedCostAlone() {
        // pytorch/pytorch#31252: saw-tooth figures, so the fixed cost keeps the leak's score
        double[] p = uniformConstrained(RealEvidence.ofTrace("flat-pytorch-31252-oom-warnings-sawtooth.txt"));
        assertFalse(at(p, Category.MODEL_TOO_LARGE) < at(p, Category.LEAK_HELD_REFERENCES), Arrays.toString(p));
    }
}
