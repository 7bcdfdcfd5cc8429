package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogReader;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Failures recorded on a real H200 in round 12 (h200/README.md, bench/gpu/traces4.py and traces5.py). */
class RealH200RoundTwelveTracesTest {

    @Test
    void hfTrainersFirstForwardAtBatchSixtyFourIsActivations() throws Exception {
        Report r = diagnose("h200/oom_hf_trainer.log");
        assertEquals("activations_batch", r.category());
        assertEquals("forward", r.phase());
    }

    @Test
    void aSmallStepOnACardAnotherProcessFillsBlamesTheOtherProcess() throws Exception {
        assertEquals("other_process_or_zombie", diagnose("h200/oom_other_process.log").category());
    }

    @Test
    void twoRanksSharingOneCardEachNamingTheOthersPidAreAnotherProcessOnTheCard() throws Exception {
        assertEquals("other_process_or_zombie", diagnose("h200/oom_two_ranks.log").category());
    }

    @Test
    void anXlaAllocatorWarningAfterWhichTheProgramGoesOnIsNotAMemoryFailure() throws Exception {
        assertEquals("not_oom", diagnose("h200/jax_bfc_warning.log").issueType());
    }

    @Test
    void tensorFlowsAllocatorSayingItIsNotAFailureIsNotAMemoryFailure() throws Exception {
        assertEquals("not_oom", diagnose("traces/notoom-tf-bfc-not-a-failure.txt").issueType());
    }

    private static Report diagnose(String fixture) throws Exception {
        LogText log;
        try (InputStream in = Files.newInputStream(Fixtures.path(fixture))) {
            log = new LogReader().read(in);
        }
        return EvidenceGatherer.from(log).gather().diagnose(new Diagnoser());
    }
}
