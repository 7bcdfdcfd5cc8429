package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which knowledge entries a cause's fixes come from, in which order, and how many fixes a report lists. Real
 * inputs: the first turns of dev conversations 10 (deepseek-ai/DeepSeek-Coder#78, a ZeRO-3 full fine-tune on 8
 * cards) and 15 (Lightning-AI/litgpt#553), traces/visfly-backward-2x.txt and qwen3vl-334-impossible-request.txt
 * (traces/SOURCES.md), prose-sd-scripts-1152-sdxl-dreambooth-24gb.txt (kohya-ss/sd-scripts#1152).
 */
class FixLadderTest {
    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static final String DEEPSEEK = "full fine-tune deepseek-coder-33b-instruct on 8 x A800 80G, deepspeed "
            + "zero3, 1.2T host ram, micro batch 1. still:";
    private static final String LITGPT = "getting OOM finetuning Llama-2-7b-hf with litgpt finetune/lora.py on my rtx "
            + "3090 24gb, micro_batch_size 1, lora_r 8";

    private static Evidence words(String text) {
        return new Diagnoser().evidence(null, text, Facts.EMPTY, null, null, null, new ArrayList<>());
    }

    private static Evidence trace(String file) throws Exception {
        LogText log = LogText.of(Files.readString(Path.of("src/test/resources/traces", file)));
        return new Diagnoser().evidence(log, null, Facts.EMPTY, null, null, null, new ArrayList<>());
    }

    @Test
    void aShardedJobTooLargeForItsCardsGetsShardingAndOffloadFirst() {
        List<String> order = FixLadder.order(Category.MODEL_TOO_LARGE, words(DEEPSEEK), "training");
        assertEquals(List.of("M9", "M10", "M1", "M13", "M12"), order);
    }

    @Test
    void aSingleCardJobKeepsTheCausesOwnOrder() {
        assertEquals(Category.MODEL_TOO_LARGE.kb, FixLadder.order(Category.MODEL_TOO_LARGE, words(LITGPT), "training"));
        assertEquals(Category.ACTIVATIONS_BATCH.kb, FixLadder.order(Category.ACTIVATIONS_BATCH, words(DEEPSEEK),
                "training"), "sharding first only when the model itself is too large");
    }

    @Test
    void aServingEngineAddsTheEngineKnobsEntryAfterTheCausesOwn() {
        List<String> expected = new ArrayList<>(Category.ACTIVATIONS_BATCH.kb);
        expected.add("M11");
        assertEquals(expected, FixLadder.order(Category.ACTIVATIONS_BATCH, words(LITGPT), "vllm"));
        assertEquals(Category.ATTENTION_SEQ_LEN.kb, FixLadder.order(Category.ATTENTION_SEQ_LEN, words(LITGPT),
                "vllm"), "already listed: not twice");
    }

    @Test
    void plainInferenceAddsTheWeightsEntry() {
        assertEquals(Category.ACTIVATIONS_BATCH.kb, FixLadder.order(Category.ACTIVATIONS_BATCH, words(LITGPT),
                "inference"), "M1 already among its entries");
        List<String> frag = new ArrayList<>(Category.FRAGMENTATION.kb);
        frag.add("M1");
        assertEquals(frag, FixLadder.order(Category.FRAGMENTATION, words(LITGPT), "inference"));
    }

    @Test
    void aReportListsAtMostFiveFixesEachOnceAndEachFromTheCausesEntries() throws Exception {
        Evidence e = trace("visfly-backward-2x.txt");
        List<Report.Fix> fixes = FixLadder.choose(KB, e, Category.ACTIVATIONS_BATCH, "vram_oom", "backward",
                List.of());
        assertEquals(FixLadder.MAX, fixes.size());
        assertEquals(fixes.size(), fixes.stream().map(Report.Fix::title).distinct().count());
        for (Report.Fix f : fixes) assertTrue(Category.ACTIVATIONS_BATCH.kb.contains(f.kb()), f.kb());
        assertEquals("M5", fixes.get(0).kb(), "the cause's first entry leads");
    }

    @Test
    void notAnOomGetsNoFixAndAnImpossibleRequestOnlyTheOneInTheCode() throws Exception {
        Evidence e = trace("visfly-backward-2x.txt");
        assertTrue(FixLadder.choose(KB, e, Category.ACTIVATIONS_BATCH, "not_oom", "backward", List.of()).isEmpty());
        List<Report.Fix> impossible = FixLadder.choose(KB, trace("qwen3vl-334-impossible-request.txt"),
                Category.OTHER, "vram_oom", "forward", List.of());
        assertEquals(1, impossible.size());
        assertEquals("M2", impossible.get(0).kb());
    }

    @Test
    void computedFixesForTheCauseLeadAndAtMostTwoComeFromTheCode() throws Exception {
        Evidence e = trace("visfly-backward-2x.txt");
        Report.Fix batch = new Report.Fix("M5", "Micro-batch 4 fits", "low", false, "batch_size=8", "batch_size=4");
        List<Report.Fix> code = List.of(
                new Report.Fix("M5", "code 1", "free", false, "a", "b"),
                new Report.Fix("M7", "code 2", "free", false, "a", "b"),
                new Report.Fix("M6", "code 3", "free", false, "a", "b"),
                new Report.Fix("U11", "another cause's", "free", false, "a", "b"));
        List<Report.Fix> computed = new ArrayList<>(code);
        computed.add(0, batch);
        List<Report.Fix> fixes = FixLadder.choose(KB, e, Category.ACTIVATIONS_BATCH, "vram_oom", "backward", computed);
        assertEquals(List.of("Micro-batch 4 fits", "code 1", "code 2"), fixes.subList(0, 3).stream()
                .map(Report.Fix::title).toList());
        assertFalse(fixes.stream().anyMatch(f -> f.title().equals("code 3")), "a third code fix is left to scan");
        assertFalse(fixes.stream().anyMatch(f -> f.kb().equals("U11")), "another cause's finding is left out");
    }

    @Test
    void aFailureWhileLoadingPutsTheFixesAtTheLoadingCallFirst() throws Exception {
        Evidence e = trace("visfly-backward-2x.txt");
        List<Report.Fix> plain = FixLadder.choose(KB, e, Category.MODEL_TOO_LARGE, "vram_oom", "backward", List.of());
        List<Report.Fix> load = FixLadder.choose(KB, e, Category.MODEL_TOO_LARGE, "vram_oom", "load", List.of());
        assertEquals(plain.size(), load.size());
        java.util.regex.Pattern loading = java.util.regex.Pattern.compile("from_pretrained|load_state_dict|torch\\.load"
                + "|low_cpu_mem_usage|safe_open|load_checkpoint");
        boolean seenOther = false;
        for (Report.Fix f : load) {
            boolean atLoad = loading.matcher(f.before() + "\n" + f.after()).find();
            assertFalse(atLoad && seenOther, "a loading fix after another: " + load);
            seenOther |= !atLoad;
        }
        assertTrue(loading.matcher(load.get(0).before() + "\n" + load.get(0).after()).find(), load.toString());
    }

    @Test
    void theBudgetCommandNamesTheModelTheShapeAndTheCard() {
        assertEquals("--model llama-2-7b --batch 1 --gpu-mem 24.00GiB", FixTemplate.budgetArgs(words(LITGPT)));
        Evidence bySize = words("6b model (chatglm-6b), lora with ~0.5% of params trainable, deepspeed zero 3, fp16");
        assertTrue(FixTemplate.budgetArgs(bySize).startsWith("--params 6e9"), FixTemplate.budgetArgs(bySize));
        assertEquals("--params N", FixTemplate.budgetArgs(words("cuda oom")));
    }

    /** The command already passes --gradient_checkpointing: no rung tells the user to turn it on. */
    @Test
    void checkpointingTheUserAlreadyTurnedOnIsNotARung() throws Exception {
        String words = Files.readString(Path.of("src/test/resources/traces/prose-sd-scripts-1152-sdxl-dreambooth-24gb"
                + ".txt"));
        Evidence e = words(words);
        assertEquals(Boolean.TRUE, e.facts().checkpointing());
        List<Report.Fix> fixes = FixLadder.choose(KB, e, Category.ACTIVATIONS_BATCH, "vram_oom", "forward",
                List.of());
        assertFalse(fixes.isEmpty());
        for (Report.Fix f : fixes) {
            assertFalse(f.after().contains("gradient_checkpointing_enable") || f.after().contains("utils.checkpoint"),
                    f.title() + ": " + f.after());
        }
    }
}
