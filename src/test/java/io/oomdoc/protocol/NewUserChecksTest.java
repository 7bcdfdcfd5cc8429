package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 12's examples tried as a new user would, on real pastes (sources in src/test/resources/traces/SOURCES.md):
 * what a report says about a case it was not shaped on.
 */
class NewUserChecksTest {
    private final Diagnoser d = new Diagnoser();

    private Report diagnose(String path) {
        return d.diagnose(LogText.of(Fixtures.text("traces/" + path)), null, Facts.EMPTY, null, null);
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void jaxBufferAssignmentStatsAreNotTheCardsSize() {
        // "preallocated temp allocation: 4.44GiB" is followed by "total allocation:": a buffer, not the card
        Report r = diagnose("jax-afprofile-8-bufferassignment-stats.txt");
        assertNull(r.numbers().get("total_bytes"), String.valueOf(r.numbers()));
        assertTrue(r.fixes().stream().noneMatch(f -> f.after().contains("--gpu-mem")), String.valueOf(r.fixes()));
        assertFalse(r.sections().memoryStateSummary().contains("GiB GPU"), r.sections().memoryStateSummary());
    }

    @Test
    void aSummaryWithoutTheCardsTotalStartsWithASentenceNotASeparator() {
        Report r = diagnose("jax-afprofile-8-bufferassignment-stats.txt");
        String summary = r.sections().memoryStateSummary().strip();
        assertTrue(Character.isUpperCase(summary.charAt(0)), summary);
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aBatchSizeOfOneInWordsIsNotHalved() {
        Report r = diagnose("prose-vsseg-6-backward-batch-one.txt");
        assertEquals("backward", r.phase());
        assertTrue(r.fixes().stream().noneMatch(f -> f.after().contains("batch_size=16")), String.valueOf(r.fixes()));
    }

    @Test
    void aRequestNoMachineHoldsIsCalledASizeComputedWrongNotOneLargeTensor() {
        // 538976288.13 GiB is about 514 PiB: no GPU or host has it, so no memory setting makes it fit
        Report r = diagnose("qwen3vl-334-impossible-request.txt");
        String cause = r.sections().rootCause();
        assertFalse(cause.contains("one very large tensor"), cause);
        assertTrue(cause.contains("computed wrong"), cause);
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aRequestNoMachineHoldsIsNamedOtherWithTheSizeFixAlone() {
        // no batch, cache or neighbour asks for 538976288 GiB: the fix is in the code that computed the size
        Report r = diagnose("qwen3vl-334-impossible-request.txt");
        assertEquals("other", r.category());
        assertEquals(1, r.fixes().size(), String.valueOf(r.fixes()));
        assertTrue(r.fixes().get(0).title().contains("size computed wrong"), r.fixes().get(0).title());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aJaxProgramWhoseBufferAssignmentTotalFarExceedsTheFailingBufferIsTooLarge() {
        // the maintainer: a bigger GPU is needed (14.44 GiB for the program on a 12 GB card)
        Report r = diagnose("jax-afprofile-8-bufferassignment-stats.txt");
        assertEquals("model_too_large", r.category(), String.valueOf(r.hypotheses()));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aTensorFlowLogWhoseCurrentMemoryClimbsEachIterationIsALeak() {
        Report r = diagnose("tf-73457-current-memory-climbs.txt");
        assertEquals("leak_held_references", r.category(), String.valueOf(r.hypotheses()));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aKillWhileLoadingCheckpointShardsLeadsWithTheLoadingFix() {
        // chatchat-space/Langchain-Chatchat#35: killed at "Loading checkpoint shards: 38%"
        Report r = d.diagnose(LogText.of(paste("langchain-chatchat-35-shards-38pct-killed")), null, Facts.EMPTY, null,
                null);
        assertEquals("host_ram_oom", r.category());
        assertTrue(r.fixes().get(0).after().contains("low_cpu_mem_usage"), String.valueOf(r.fixes()));
    }

    @Test
    void aLoraFineTuneNamedInThePasteIsBudgetedWithAFrozenBase() {
        var e = d.evidence(LogText.of(Fixtures.text("traces/prose-litgpt-553-lora-7b-3090.txt")), null, Facts.EMPTY,
                null, null, null, new java.util.ArrayList<>());
        assertEquals(Boolean.TRUE, e.facts().lora());
        var t = e.budget().perGpuBytes();
        assertTrue(t.gradients() < t.weights() / 10, String.valueOf(t));
    }

    @Test
    void aLoraFineTuneWhoseFixedCostFitsTheCardIsNotTooLargeAndLeadsWithAnAction() {
        // LoRA r 8 on Llama-2-7b at micro-batch 1 on 24 GB: the budget's fixed cost is about 13 GiB
        Report r = diagnose("prose-litgpt-553-lora-7b-3090.txt");
        assertNotEquals("model_too_large", r.category(), String.valueOf(r.hypotheses()));
        assertFalse(r.fixes().get(0).title().startsWith("Count the fixed cost"), String.valueOf(r.fixes()));
    }

    private static String paste(String id) {
        // development7()'s order, each report parsed alone: this class runs in PIT's minions, fresh JVMs
        var burned = java.util.List.of(io.oomdoc.corpus.Corpus.HELDOUT5, io.oomdoc.corpus.Corpus.HELDOUT6,
                io.oomdoc.corpus.Corpus.HELDOUT7);
        return io.oomdoc.corpus.Corpus.inDevelopment(id).or(() -> io.oomdoc.corpus.Corpus.firstIn(id, burned))
                .map(io.oomdoc.corpus.Case::paste).orElseThrow();
    }
}
