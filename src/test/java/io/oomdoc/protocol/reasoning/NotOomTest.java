package io.oomdoc.protocol.reasoning;

import io.oomdoc.Fixtures;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CUDA faults that are not out-of-memory failures, on real reports (skhu101/GauHuman#21 in traces/, the corpus's
 * development part for the others; sources in traces/SOURCES.md and corpus/host.jsonl).
 */
class NotOomTest {
    private static final String ILLEGAL_ACCESS = Fixtures.text("traces/notoom-gauhuman-illegal-access.txt");
    private static final String OOM_TRACE = Fixtures.text("traces/segtoolbox-backward-1x-cached.txt");

    private static Evidence evidence(String text) {
        return new Diagnoser().evidence(LogText.of(text), null, Facts.EMPTY, null, null, null, new ArrayList<>());
    }

    private static String paste(String id) {
        return Corpus.inDevelopment(id).orElseThrow().paste();
    }

    @Test
    void anIllegalMemoryAccessIsAnErrorLineThatIsNotMemory() {
        assertTrue(NotOom.errorLine(ILLEGAL_ACCESS));
    }

    @Test
    void aMissingKernelImageIsAnErrorLineThatIsNotMemory() {
        assertTrue(NotOom.errorLine(paste("scube-7-no-kernel-image-a800")));
    }

    @Test
    void anAllocatorMessageIsNoSuchErrorLine() {
        assertFalse(NotOom.errorLine(OOM_TRACE));
    }

    @Test
    void theReasonQuotesTheFaultTheLogNames() {
        String why = NotOom.reason(evidence(ILLEGAL_ACCESS));
        assertTrue(why != null && why.contains("\"cudaErrorIllegalAddress\""), why);
    }

    @Test
    void aDeviceSideAssertIsNamedAsTheReason() {
        String why = NotOom.reason(evidence(paste("detectron2-2365-device-assert-invalid-class")));
        assertTrue(why != null && why.contains("device-side assert"), why);
    }

    @Test
    void anOutOfMemoryTraceHasNoSuchReason() {
        assertNull(NotOom.reason(evidence(OOM_TRACE)));
    }

    @Test
    void aFaultNamedInANegatedClauseIsNoReason() {
        // kserve/kserve#868 (corpus_heldout5): "killed in POD without an OOM or core dumped message"
        String paste = Corpus.heldout5().stream()
                .filter(k -> k.id().equals("kserve-868-inference-pod-killed-no-message")).findFirst().orElseThrow()
                .paste();
        assertNull(NotOom.reason(evidence(paste)));
    }

    private static String heldout9(String id) {
        return Corpus.heldout9().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow().paste();
    }

    @Test
    void metalsInsufficientMemoryBeforeAnIllegalInstructionIsAMemoryFailure() {
        // safx/waifu2x-metal#3 (corpus_heldout9): the crash that follows the failed command buffer is not the cause
        assertNull(NotOom.reason(evidence(heldout9("waifu2x-metal-3-large-images-buffer"))));
    }

    @Test
    void mindSporesAllocationOverTheTotalBeforeASegfaultIsAMemoryFailure() {
        // candle-org/MindAct#1761 (corpus_heldout9): "alloc size ... is more than total mem size", then a segfault
        assertNull(NotOom.reason(evidence(heldout9("mindact-1761-gemma7b-npu-generate-zh"))));
    }

    @Test
    void aBareOutOfMemoryLogLineBeforeAnIllegalAccessIsAMemoryFailure() {
        // zhangxiaosong18/FreeAnchor#16 (corpus_heldout6): the log's "> out of memory" line comes first
        String paste = Corpus.heldout6().stream().filter(k -> k.id().equals(
                "freeanchor-16-out-of-memory-then-illegal-access")).findFirst().orElseThrow().paste();
        assertNull(NotOom.reason(evidence(paste)));
    }

    /**
     * TensorFlow could not create its cuDNN handle: in development9, 9 of 11 such reports are a library's memory
     * (bench/run.sh RowCounts), so the report is given, with the note that the status is not always memory.
     * HasnainRaz/FC-DenseNet-TensorFlow#11 and RDShi/voiceprint#1 (corpus_heldout10; burned, read in phase11).
     */
    @Test
    void aCudnnHandleThatCannotBeCreatedIsALibraryFailureThatGetsAReport() {
        for (String text : List.of("Could not create cudnn handle: CUDNN_STATUS_NOT_INITIALIZED and Possibly "
                + "insufficient driver version: 384.81.0 Segmentation fault (core dumped)",
                "您好，请问程序运行出现Could not create cudnn handle: CUDNN_STATUS_NOT_INITIALIZED原因在哪里")) {
            Evidence e = evidence(text);
            assertEquals(io.oomdoc.evidence.trace.TraceFinding.FailureKind.LIBRARY_WORKSPACE,
                    e.trace().primary().orElseThrow().kind());
            String issue = Reasoner.bundled().conclude(e).issueType();
            assertTrue(!issue.equals("not_oom") && !issue.equals("unknown"), issue);
        }
    }

    @Test
    void xlaAllocatorWarningsFollowedByTheProgramsOwnOutputAreOnlyWarnings() {
        assertTrue(NotOom.allocatorWarningOnly(Fixtures.text("h200/jax_bfc_warning.log")));
    }

    @Test
    void tensorFlowsNotAFailureWarningAloneIsOnlyAWarning() {
        assertTrue(NotOom.allocatorWarningOnly(Fixtures.text("traces/notoom-tf-bfc-not-a-failure.txt")));
    }

    @Test
    void allocatorWarningsEndingInAnErrorLevelCublasFailureAreAFailure() {
        assertFalse(NotOom.allocatorWarningOnly(paste("tf-9077-faster-rcnn-gtx950-cublas-not-initialized")));
    }

    @Test
    void allocatorWarningsFollowedByAResourceExhaustedErrorAreAFailure() {
        assertFalse(NotOom.allocatorWarningOnly(paste("asr-78-tf-bfc-tile-op-oom")));
    }

    @Test
    void aPyTorchOutOfMemoryTraceIsNoAllocatorWarning() {
        assertFalse(NotOom.allocatorWarningOnly(OOM_TRACE));
    }

    @Test
    void aMemoryMessageOnALineOfItsOwnBesideTheWarningsIsNotOnlyWarnings() {
        String log = Fixtures.text("traces/notoom-tf-bfc-not-a-failure.txt") + "CUDA out of memory\n";
        assertFalse(NotOom.allocatorWarningOnly(log));
    }

    @Test
    void theWarningVerdictIsTheReasonTheDiagnosisGivesForAWarningOnlyLog() {
        String reason = NotOom.reason(evidence(Fixtures.text("h200/jax_bfc_warning.log")));
        assertTrue(NotOom.isWarningReason(reason), reason);
        assertFalse(NotOom.isWarningReason(NotOom.reason(evidence(ILLEGAL_ACCESS))));
    }

    @Test
    void aLaunchFailureTheDriverReportsAtAnAllocationIsAFaultNotMemory() {
        // numba/numba#4833 (corpus_heldout29): cuMemAlloc returns the sticky CUDA_ERROR_LAUNCH_FAILED of a kernel
        String why = NotOom.reason(evidence(Corpus.heldout29().stream()
                .filter(k -> k.id().equals("numba-4833-cumemalloc-launch-failed")).findFirst().orElseThrow().paste()));
        assertTrue(why != null && why.contains("CUDA_ERROR_LAUNCH_FAILED"), why);
    }
}
