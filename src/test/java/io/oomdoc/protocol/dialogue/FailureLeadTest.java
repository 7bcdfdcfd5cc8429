package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new failure told with the user's own words gets, before its report, what the knowledge says about those words;
 * a bare paste gets the report alone.
 */
class FailureLeadTest {
    /** A trace quoted in github.com/allenai/olmocr/issues/50 (an SGLang server on an A100 80 GB). */
    private static final String TRACE = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 4.93 GiB. GPU 0"
            + " has a total capacity of 79.14 GiB of which 3.79 GiB is free. Process 13118 has 75.33 GiB memory in use."
            + " Of the allocated memory 73.96 GiB is allocated by PyTorch, with 34.50 MiB allocated in private pools"
            + " (e.g., CUDA Graphs), and 639.99 MiB is reserved by PyTorch but unallocated.";

    /**
     * github.com/marcotcr/checklist/issues/14: replacing words with synonyms runs a beam search whose width is not
     * bounded, and it runs out of CUDA memory; the answer names what beams cost before the report on the trace.
     */
    @Test
    void theUsersOwnWordsAroundThePasteAreAnsweredBeforeTheReport() {
        Answer a = new Conversation().respond("using the perturb functions to replace words with synonyms causes a"
                + " CUDA OOM error in text_generation.py; the beam size is unbounded. can it be made configurable so the"
                + " memory cost is controllable?\n" + TRACE);
        assertEquals(Intent.NEW_FAILURE, a.intent());
        assertNotNull(a.report());
        assertNotNull(a.text(), "the question asked gets an answer before the report");
        assertTrue(a.text().toLowerCase(java.util.Locale.ROOT).contains("beam"), a.text());
    }

    @Test
    void aBarePasteGetsTheReportAlone() {
        Answer a = new Conversation().respond(TRACE);
        assertEquals(Intent.NEW_FAILURE, a.intent());
        assertNotNull(a.report());
        assertNull(a.text());
    }

    @Test
    void proseKeepsTheWrittenLinesAndDropsTheLogLines() {
        assertEquals("the server dies on big files", FailureLead.prose("the server dies on big files\n" + TRACE
                + "\n  File \"/sgl/model_runner.py\", line 1231, in forward"));
    }

    /**
     * A PyTorch message wrapped at 80 columns (traces/transformers-tasks-48-wrapped-oom-24gb.txt) is a bare paste: its
     * tail lines ("setting max_split_size_mb to avoid fragmentation.  See documentation for Memory") are the
     * allocator's advice, not the user's words, and must not open the answer with an expandable_segments passage.
     */
    @Test
    void aWrappedPyTorchMessageIsABarePaste() {
        String paste = io.oomdoc.Fixtures.text("traces/transformers-tasks-48-wrapped-oom-24gb.txt");
        assertEquals("", FailureLead.prose(paste));
        Answer a = new Conversation().respond(paste);
        assertEquals(Intent.NEW_FAILURE, a.intent());
        assertNull(a.text(), "no lead for a bare paste");
    }

    /**
     * A LoRA fine-tune's setup above its OOM (traces/lora-8b-3090-backward-fine-tune-mistral-3.txt) names Llama-3.1-8B,
     * which the glossary's vLLM KV-cache-blocks entry also names: that entry is about a serving engine nobody named,
     * so it must not lead a training failure.
     */
    @Test
    void aTrainingPasteIsNotLedByAServingEnginesGlossaryEntry() {
        Answer a = new Conversation().respond(io.oomdoc.Fixtures.text(
                "traces/lora-8b-3090-backward-fine-tune-mistral-3.txt"));
        assertEquals(Intent.NEW_FAILURE, a.intent());
        String lead = a.text() == null ? "" : a.text();
        assertFalse(lead.contains("vLLM"), lead);
        assertFalse(lead.contains("GPU blocks"), lead);
    }
}
