package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Diagnoser.evidence holds before any ranking: the facts from the words and the log, the budget and the batch
 * that fits, GPU state pasted into the log. Real inputs: the first turn of dev conversation 01
 * (karpathy/nanochat#443), traces/prose-litgpt-553-lora-7b-3090.txt and visfly-backward-2x.txt (traces/SOURCES.md),
 * nvidia_smi/03_h200-590-load.txt (its expected.json), traces/vllm-qwen3-295-max-model-len-7344.txt (QwenLM/Qwen3#295).
 */
class DiagnoserEvidenceTest {
    private static final Path RES = Path.of("src/test/resources");

    private static String read(String path) throws Exception { return Files.readString(RES.resolve(path)); }

    /** The user's lines of a conversation's first turn, as the REPL receives them. */
    private static String firstTurn(String conversation) throws Exception {
        List<String> lines = read("conversations/" + conversation).lines().toList();
        int start = 0;
        while (!lines.get(start).startsWith("> ")) start++;
        int end = start;
        while (end < lines.size() && lines.get(end).startsWith("> ")) end++;
        return lines.subList(start, end).stream().map(l -> l.substring(2)).collect(Collectors.joining("\n"));
    }

    private static Evidence evidence(String log, String words, List<Report.Fix> extra) {
        return new Diagnoser().evidence(log == null ? null : LogText.of(log), words, Facts.EMPTY, null, null, null,
                extra);
    }

    @Test
    void aSetupThatDoesNotFitGetsTheMicroBatchThatDoesWithTheTotalBatchKept() throws Exception {
        List<Report.Fix> extra = new ArrayList<>();
        Evidence e = evidence(null, firstTurn("01-nanochat-speedrun-8xh100.txt"), extra);
        assertEquals(32, e.facts().batch());
        assertEquals(Boolean.FALSE, e.budget().fits());
        assertEquals(1, extra.size(), extra.toString());
        Report.Fix fix = extra.get(0);
        assertEquals("M5", fix.kb());
        assertEquals("low", fix.cost());
        assertEquals("--device-batch-size=32", fix.before(), "nanochat's own flag");
        int micro = Integer.parseInt(fix.after().replaceAll("^--device-batch-size=(\\d+).*", "$1"));
        assertTrue(micro >= 1 && micro < 32, fix.after());
        int steps = 32 / micro;
        assertTrue(fix.after().contains("grad accumulation " + steps + " steps (" + (32L * 2048 * 8) + " / (" + micro
                + " × 2048 × 8 GPU))"), fix.after());
        assertTrue(fix.title().startsWith("Micro-batch " + micro + " fits 80.00 GiB (estimated peak "), fix.title());
    }

    @Test
    void factsInTheLogOnlyFillWhatTheUserDidNotSay() throws Exception {
        String log = read("traces/prose-litgpt-553-lora-7b-3090.txt");
        Facts alone = evidence(log, null, new ArrayList<>()).facts();
        assertEquals(1, alone.batch());
        assertEquals(8, alone.loraRank());
        assertEquals(Boolean.TRUE, alone.lora());
        Facts withWords = evidence(log, "batch 4 on my 3090", new ArrayList<>()).facts();
        assertEquals(4, withWords.batch(), "the user's batch wins over the log's");
        assertEquals(8, withWords.loraRank(), "the log fills what the user did not say");
        assertEquals("llama-2-7b", withWords.model());
    }

    @Test
    void theCardsTotalInTheMessageBecomesTheGpuSizeWhenNobodySaidIt() throws Exception {
        Evidence e = evidence(read("traces/visfly-backward-2x.txt"), null, new ArrayList<>());
        assertEquals(8300024300L, e.facts().gpuMemBytes());
        assertNull(e.budget(), "no model or size: no budget");
        assertNull(e.gpu());
    }

    /** kohya_ss#2724: the prose quotes a "24GB" requirement; the message measured the L40S at 44.53 GiB. */
    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void theCardsTotalInTheMessageBeatsASizeTheLogsProseQuotes() throws Exception {
        Evidence e = evidence(read("traces/kohya-ss-2724-flux-lora-l40s-24gb-in-prose.txt"), null, new ArrayList<>());
        long measured = (long) (44.53 * (1L << 30));
        assertTrue(Math.abs(e.facts().gpuMemBytes() - measured) < (1L << 24), e.facts().gpuMemBytes().toString());
        assertEquals(e.facts().gpuMemBytes(), e.budget().gpuBytes(), "the budget is held against the measured card");
        Evidence said = evidence(read("traces/kohya-ss-2724-flux-lora-l40s-24gb-in-prose.txt"), "my card has 48GB",
                new ArrayList<>());
        assertEquals(48L << 30, said.facts().gpuMemBytes(), "what the user says still wins");
    }

    /** TGI#1769: "8*A30-24G" in the log's prose; the launcher shards command-r-plus over the eight cards. */
    @Test
    void theCountOfCardsTheLogNamesSplitsTheBudgetPerGpu() throws Exception {
        Evidence e = evidence(read("traces/prose-tgi-1769-command-r-plus-8-a30-warmup.txt"), null, new ArrayList<>());
        assertEquals(8, e.facts().worldSize());
        assertTrue(e.budget().perGpuBytes().weights() < 24L << 30, "an eighth of the int8 weights a card: "
                + e.budget().perGpuBytes().weights());
    }

    @Test
    void nvidiaSmiPastedIntoTheLogIsReadAsTheFailingCardsState() throws Exception {
        String log = read("traces/visfly-backward-2x.txt") + "\n" + read("nvidia_smi/03_h200-590-load.txt");
        Evidence e = evidence(log, null, new ArrayList<>());
        assertNotNull(e.gpu());
        assertEquals(150754820096L, e.gpu().totalBytes());
        assertEquals("pasted nvidia-smi", e.gpu().source());
    }

    @Test
    void aServingEnginesOwnErrorIsBudgetedAsInferenceWithNoGradientsOrOptimizerState() throws Exception {
        Evidence e = evidence(read("traces/vllm-qwen3-295-max-model-len-7344.txt"), "", new ArrayList<>());
        assertEquals("vllm", e.facts().framework());
        assertEquals(0, e.budget().perGpuBytes().gradients());
        assertEquals(0, e.budget().perGpuBytes().optimizer());
    }
}
