package io.oomdoc.protocol.reasoning;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.ReportText;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures that stop a run at a limit other than memory: a request longer than the configured context, refused
 * before anything is allocated; a kernel launch that asks for more registers or threads than the card has; a crash
 * by a signal. The lines are the real ones of reports in the development part (corpus_heldout9, 21 and 31,
 * corpus/train14.jsonl; vllm-project/vllm#10517 in traces/, its source in traces/SOURCES.md).
 */
class NotOomLimitsTest {
    private static final String LENGTH = ReportText.TABLE.get("notoom.context-length");
    /** ruipeterpan/specreason#4 (corpus_heldout31): vLLM's OpenAI-compatible server refuses 8203 tokens. */
    private static final String OVER_CONTEXT = "ERROR 05-08 21:27:27 [serving_chat.py:198] ValueError: This model's"
            + " maximum context length is 8192 tokens. However, you requested 8203 tokens (7691 in the messages, 512 in"
            + " the completion). Please reduce the length of the messages or completion.";

    @Test
    void aPromptOverTheServersContextLengthIsRefusedNotOutOfMemory() {
        Evidence e = new Diagnoser().evidence(LogText.of(OVER_CONTEXT), null, Facts.EMPTY, null, null, null,
                new ArrayList<>());
        assertEquals(LENGTH, NotOom.reason(e));
    }

    @Test
    void aGgmlPromptTooLongIsALengthRefusal() {
        // second-state/WasmEdge-WASINN-examples#50 (corpus_heldout31): the GGML backend's line
        assertTrue(NotOom.lengthRefusedOnly("[2023-10-14 17:39:06.691] [error] [WASI-NN] GGML backend: Error: prompt"
                + " too long (570 tokens, max 508)"));
    }

    @Test
    void aLengthRefusalHasItsOwnReportText() {
        assertEquals("notoom.length", NotOom.textKey(LENGTH));
    }

    @Test
    void aKvCacheThatCannotHoldTheMaximumLengthIsAMemoryFailure() {
        // vLLM's start-up check says the KV cache, memory, cannot hold max_model_len: no length refusal
        assertFalse(NotOom.lengthRefusedOnly(Fixtures.text("traces/vllm-10517-max-model-len-kv.txt")));
    }

    @Test
    void thcsInvalidArgumentIsACudaFaultNotMemory() {
        // DeLightCMU/CASD#28 (corpus_heldout9): the check that failed, as the log prints it
        assertTrue(NotOom.errorLine("THCudaCheck FAIL file=/pytorch/aten/src/THC/THCGeneral.cpp line=383 error=11 :"
                + " invalid argument"));
    }

    @Test
    void exitCode132IsAnIllegalInstructionNotAMemoryKill() {
        // aws/amazon-sagemaker-examples#842 (corpus_heldout21): the job's status line, 132 = 128 + SIGILL
        assertTrue(NotOom.errorLine("Training failed error, exit code '132'"));
    }

    @Test
    void exitCode137IsAMemoryKillNoSuchFault() {
        assertFalse(NotOom.errorLine("Training failed error, exit code '137'"));
    }

    @Test
    void aLaunchOutOfResourcesIsAKernelConfigurationNotMemory() {
        // laugh12321/TensorRT-YOLO#11 (corpus/train14.jsonl): the error line as the reporter pasted it
        assertTrue(NotOom.errorLine("[CUDA ERROR]: Too many resources requested for launch"));
    }
}
