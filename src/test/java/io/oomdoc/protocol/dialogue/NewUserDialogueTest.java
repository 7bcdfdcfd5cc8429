package io.oomdoc.protocol.dialogue;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dialogue defects a new user met (bench/results.md, ux14 rows 16, 19, 24 and 25), each on the thread's own
 * fixture under traces/ (sources in traces/SOURCES.md) and the turn the row quotes.
 */
class NewUserDialogueTest {
    /** ollama/ollama#3460: after the paste and the setup, "it worked in 0.1.29" is a regression, not thanks. */
    @Test
    void anOlderReleaseThatWorkedIsEvidenceNotThanks() {
        Conversation c = new Conversation();
        c.respond(Fixtures.text("traces/ollama-3460-cudamalloc-look-ahead-two-gpus.txt"));
        c.respond("GTX 1080 8GB plus a P100 16GB, dolphin-mixtral, num_ctx 2048");
        Answer a = c.respond("it worked in 0.1.29");
        assertEquals(Intent.STATEMENT, a.intent());
        assertTrue(a.text().contains("0.1.29") && a.text().contains("regression"), a.text());
        assertFalse(a.text().contains("Glad it helped"), a.text());
    }

    /** A setting's value after "works with" is not a release; thanks stay thanks. */
    @Test
    void aReleaseNeedsThreePartsAVOrTheToolsName() {
        assertEquals("0.1.29", VersionRegression.of("it worked in 0.1.29"));
        assertEquals("0.7.3", VersionRegression.of("it was fine on vllm 0.7.3"));
        assertNull(VersionRegression.of("it worked with 0.85, thanks"));
        assertNull(VersionRegression.of("that worked, thanks"));
    }

    /** huggingface/trl#893: "how do I fix it in HF Trainer?" after an evaluation OOM gets the evaluation knobs. */
    @Test
    void fixItFollowsTheCauseHeldNotTheStacksFirstTopic() {
        Conversation c = new Conversation();
        c.respond(Fixtures.text("traces/prose-trl-893-sft-eval-compute-metrics-a100.txt"));
        Answer a = c.respond("how do I fix it in HF Trainer?");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("eval_accumulation_steps"), a.text());
        assertTrue(a.text().contains("prediction_loss_only"), a.text());
        assertFalse(a.text().contains("gradient_checkpointing"), a.text());
    }

    /** unslothai/unsloth#2937: "will 28k fit?" after a 32k context is computed at 28k (28672 tokens). */
    @Test
    void aBareLengthInAFitQuestionIsTheLengthAsked() {
        Conversation c = new Conversation();
        c.respond(Fixtures.text("traces/prose-unsloth-2937-qwen2.5-72b-qlora-32k-a800.txt"));
        Answer a = c.respond("will 28k fit?");
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().contains("seq 28672"), a.text());
        assertFalse(a.text().contains("32768"), a.text());
        assertEquals(32768, c.facts().seqLen(), "a question does not change the setup");
    }

    /** unslothai/unsloth#2937: "rank 8" in a LoRA run is the adapter's rank, computed, not a distributed rank. */
    @Test
    void rankInALoraRunIsTheAdaptersRank() {
        Conversation c = new Conversation();
        c.respond(Fixtures.text("traces/prose-unsloth-2937-qwen2.5-72b-qlora-32k-a800.txt"));
        Answer a = c.respond("what if I use rank 8?");
        assertTrue(a.text().startsWith("LoRA rank 16 → 8:"), a.text());
        assertTrue(a.text().contains("With lora_rank 8:"), a.text());
        assertFalse(a.text().contains("meta device"), a.text());
    }

    /** meta-llama/llama-cookbook#792: the cause is named in the report's words, never by its internal label. */
    @Test
    void theCauseIsNamedInWordsNotByItsLabel() {
        Conversation c = new Conversation();
        c.respond(Fixtures.text("traces/prose-llama-cookbook-792-lora-8bit-memory-rises-at-steps.txt"));
        Answer a = c.respond("is it a memory leak?");
        String cause = c.report().category();
        assertFalse(a.text().contains(cause.replace('_', ' ')), a.text());
        assertTrue(a.text().contains(CauseWords.of(cause)), a.text());
    }
}
