package io.oomdoc.protocol.reasoning;

import io.oomdoc.protocol.ReportText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of failure that is not an out-of-memory one gets its own root cause and verification text: allocator
 * warnings of a run that went on, a plain error, a DataLoader worker stopped by SIGTERM (open-mmlab/mmsegmentation
 * #2085), or a CUDA fault. The lines below are the real ones of those reports.
 */
class NotOomKindsTest {
    private static final String SIGTERM_WORKER =
            "RuntimeError: DataLoader worker (pid 41378) is killed by signal: Terminated.";

    @Test
    void eachReasonSelectsItsOwnReportText() {
        assertEquals("notoom.warning", NotOom.textKey(ReportText.TABLE.get("notoom.allocator-warning")));
        assertEquals("notoom.terminated", NotOom.textKey(ReportText.TABLE.get("notoom.worker-terminated")));
        assertEquals("notoom.plain", NotOom.textKey(ReportText.TABLE.get("notoom.plain-error",
                "KeyError: 'bbox_head'")));
        assertEquals("notoom", NotOom.textKey("the error is \"an illegal memory access was encountered\", a CUDA"
                + " fault that is not an out-of-memory failure"));
    }

    @Test
    void aWorkerStoppedBySigtermAloneIsTheEchoOfAnotherFailure() {
        assertTrue(NotOom.workerTerminatedOnly("Traceback (most recent call last):\n" + SIGTERM_WORKER));
    }

    @Test
    void aWorkerStoppedBySigtermBesideAMemoryWordIsLeftToTheRest() {
        assertFalse(NotOom.workerTerminatedOnly(SIGTERM_WORKER + "\nthe machine ran out of RAM just before"));
    }

    @Test
    void aWorkerKilledBySigkillIsNoSigtermEcho() {
        assertFalse(NotOom.workerTerminatedOnly("RuntimeError: DataLoader worker (pid 7) is killed by signal: Killed."));
    }
}
