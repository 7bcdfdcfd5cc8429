package io.oomdoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The real command line, run in-process against real fixtures. */
class CliTest {
    @TempDir Path tmp;

    record Result(int code, String out, String err) {}

    private Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionPrintsTheVersion() {
        Result r = run("", "--version");
        assertEquals(0, r.code);
        assertTrue(r.out.startsWith("oomdoc "));
    }

    @Test
    void diagnoseReadsAFileAndPrintsAllSections() {
        Result r = run("", "diagnose", Fixtures.path("traces/segtoolbox-backward-1x-cached.txt").toString());
        assertEquals(0, r.code, r.err);
        for (String s : new String[]{"Memory State Summary", "Issue Type", "Root Cause", "Fix", "Verification", "Prevention",
                "Confidence Assessment", "Risk Assessment", "Information Gaps", "Caveats"}) {
            assertTrue(r.out.contains("## " + s), s);
        }
        assertTrue(r.out.contains("train.py:228"), "points at the user's own line");
    }

    @Test
    void theReportOpensWithTheCauseInWordsNotItsJsonId() {
        Result r = run("", "diagnose", Fixtures.path("traces/segtoolbox-backward-1x-cached.txt").toString());
        String first = r.out.lines().findFirst().orElse("");
        assertTrue(first.startsWith("Cause: "), first);
        assertFalse(first.contains("_") || first.matches("Cause: [a-z]+ [a-z]+ \\(.*"), "an id, not words: " + first);
        assertTrue(r.out.lines().skip(1).findFirst().orElse("").startsWith("First fix: "), r.out);
    }

    /**
     * github.com/marcotcr/checklist/issues/14 with the trace quoted in github.com/allenai/olmocr/issues/50: what the
     * knowledge says about the user's own words comes after the report's two first lines, not before them.
     */
    @Test
    void aFailureToldInWordsStillOpensWithTheCauseAndTheFirstFix() {
        Result r = run("", "ask", "using the perturb functions to replace words with synonyms causes a CUDA OOM error"
                + " in text_generation.py; the beam size is unbounded. can it be made configurable so the memory cost is"
                + " controllable?\ntorch.OutOfMemoryError: CUDA out of memory. Tried to allocate 4.93 GiB. GPU 0 has a"
                + " total capacity of 79.14 GiB of which 3.79 GiB is free. Process 13118 has 75.33 GiB memory in use. Of"
                + " the allocated memory 73.96 GiB is allocated by PyTorch, with 34.50 MiB allocated in private pools"
                + " (e.g., CUDA Graphs), and 639.99 MiB is reserved by PyTorch but unallocated.");
        List<String> lines = r.out.lines().toList();
        assertTrue(lines.get(0).startsWith("Cause: ") && lines.get(1).startsWith("First fix: "), r.out);
        int lead = r.out.toLowerCase(Locale.ROOT).indexOf("beam", r.out.indexOf("First fix: "));
        assertTrue(lead > 0 && lead < r.out.indexOf("## Memory State Summary"), "the lead, after the two lines: " + r.out);
    }

    /**
     * A turn that is not a diagnosis prints intent, answer and facts in that order on every run (a Map.of would order
     * its keys by a seed drawn at each start of the JVM).
     */
    @Test
    void askJsonKeepsItsKeysInOneOrder() throws Exception {
        Result r = run("", "ask", "--json", "how do I enable gradient checkpointing?");
        assertEquals(0, r.code, r.err);
        List<String> keys = new ArrayList<>();
        new ObjectMapper().readTree(r.out).fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("intent", "answer", "facts"), keys, r.out);
    }

    /** `echo "..." | oomdoc ask -` asks what was piped in, not the one-character question "-". */
    @Test
    void askWithADashReadsTheQuestionFromStandardInput() throws Exception {
        Result r = run("how do I enable gradient checkpointing?\n", "ask", "--json", "-");
        assertEquals(0, r.code, r.err);
        assertEquals("how_to", new ObjectMapper().readTree(r.out).path("intent").asText(), r.out);
    }

    @Test
    void aBareKillOpensByNamingHostRamNotTheGpu() {
        Result r = run("Epoch 1:  37%|###7      | 370/1000 [02:13<03:47,  2.77it/s]\nKilled\n", "diagnose", "-");
        assertEquals("Host RAM ran out (a kernel or cgroup kill), not the GPU.", r.out.lines().findFirst().orElse(""));
    }

    @Test
    void diagnoseJsonFromStdinIsOneDocumentWithTheContractFields() throws Exception {
        Result r = run(Fixtures.text("traces/vllm-kaito-2x.txt"), "diagnose", "-", "--json");
        assertEquals(0, r.code, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertEquals("vram_oom", j.path("issue_type").asText());
        assertEquals(546L * 1024 * 1024, j.path("numbers").path("tried_bytes").asLong());
        assertEquals(j.path("category").asText(), j.path("hypotheses").get(0).path("category").asText());
        for (String f : new String[]{"memory_state_summary", "issue_type", "root_cause", "fix", "verification", "prevention",
                "confidence_assessment", "risk_assessment", "information_gaps", "caveats"}) {
            assertTrue(j.path("sections").has(f), f);
        }
        assertTrue(j.path("fixes").get(0).has("changes_science"));
    }

    @Test
    void noArgumentsWithPipedInputActsAsAFilter() {
        Result r = run(Fixtures.text("traces/visfly-backward-2x.txt"));
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("## Root Cause"));
        assertFalse(r.out.contains("oomdoc>"), "no prompt when stdin is not a terminal");
    }

    @Test
    void aDirectoryIsAClearErrorNotAStackTrace() {
        Result r = run("", "diagnose", tmp.toString());
        assertEquals(1, r.code);
        assertTrue(r.err.contains("is a directory"), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
    }

    @Test
    void binaryInputIsRefusedClearly() throws Exception {
        Path bin = tmp.resolve("snap.pickle");
        Files.write(bin, new byte[]{(byte) 0x80, 4, 0, 0, 0, 1, 2, 3});
        Result r = run("", "diagnose", bin.toString());
        assertEquals(1, r.code);
        assertTrue(r.err.contains("binary"), r.err);
    }

    @Test
    void missingFileAndEmptyInputExitOne() {
        assertEquals(1, run("", "diagnose", "nope.log").code);
        Result empty = run("", "diagnose", "-");
        assertEquals(1, empty.code);
        assertTrue(empty.err.contains("empty"));
    }

    @Test
    void aLogWithoutAnyMemoryFailureExitsOne() {
        Result r = run("epoch 1 loss 0.5\nepoch 2 loss 0.4\n", "diagnose");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("no out-of-memory message"), r.err);
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = run("", "diagnose", "--frobnicate");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--frobnicate"));
    }

    @Test
    void kbShowsAnEntryAndSearches() {
        Result show = run("", "kb", "M7");
        assertEquals(0, show.code);
        assertTrue(show.out.contains("checkpointing"));
        Result search = run("", "kb", "memory", "grows", "every", "epoch");
        assertTrue(search.out.contains("M20"), search.out);
        assertEquals(1, run("", "kb", "M99").code);
    }

    /** vllm-project/vllm#751's setup (a Llama 2 70B over two H100s): every assumption line fits the default width. */
    @Test
    void budgetAssumptionsWrapToTheTerminal() {
        Result r = run("", "budget", "--model", "llama-2-70b", "--mode", "infer", "--seq", "4096", "--gpu", "h100",
                "--gpus", "2", "--gpu-memory-utilization", "0.9");
        assertEquals(0, r.code, r.err);
        String assumptions = r.out.substring(r.out.indexOf("assumptions:"));
        assertTrue(assumptions.contains("vLLM"), assumptions);
        assumptions.lines().forEach(l -> assertTrue(l.length() <= 100, l.length() + ": " + l));
    }

    @Test
    void budgetPrintsTermsAndTheLadderWhenItDoesNotFit() {
        Result r = run("", "budget", "--model", "llama-3.1-8b", "--seq", "4096", "--batch", "8", "--gpu", "rtx 4090");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("does not fit"));
        assertTrue(r.out.contains("ladder"));
    }

    /**
     * vLLM serving a 14B model at 32k on an L40S: its share of the card is reserved at startup whatever the batch, so
     * the budget needs no --batch and says how many sequences of that length the KV pool holds; a server that is not
     * vLLM still asks for the sequences served at once.
     */
    @Test
    void aVllmServingBudgetNeedsNoBatchAndSaysHowManySequencesFit() {
        Result r = run("", "budget", "--model", "qwen2.5-14b", "--mode", "infer", "--seq", "32768", "--gpu", "l40s",
                "--gpu-memory-utilization", "0.9");
        assertEquals(0, r.code);
        assertFalse(r.out.contains("fit unknown"), r.out);
        assertTrue(r.out.contains("sequences of 32768"), r.out);
        Result plain = run("", "budget", "--model", "qwen2.5-14b", "--mode", "infer", "--seq", "32768", "--gpu",
                "l40s");
        assertTrue(plain.out.contains("fit unknown") && plain.out.contains("(give --batch: the sequences served"),
                plain.out);
        assertFalse(plain.out.contains("give --seq"), plain.out);
    }

    @Test
    void budgetUsageErrorsExitTwoWithNearestNames() {
        Result unknownModel = run("", "budget", "--model", "lama-3.1-8b");
        assertEquals(2, unknownModel.code);
        assertTrue(unknownModel.err.contains("llama"), unknownModel.err);
        Result badHeads = run("", "budget", "--layers", "12", "--hidden", "770", "--heads", "12", "--vocab", "50257");
        assertEquals(2, badHeads.code);
        assertTrue(badHeads.err.contains("divisible"));
        assertEquals(2, run("", "budget", "--params", "-5").code);
        Result gpu = run("", "budget", "--params", "7B", "--gpu", "rtx 3900");
        assertEquals(2, gpu.code);
        assertTrue(gpu.err.contains("3090"), gpu.err);
    }

    @Test
    void budgetJsonHasTheContractFields() throws Exception {
        Result r = run("", "budget", "--params", "7B", "--gpu-mem", "80GB", "--json");
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertEquals(7_000_000_000L, j.path("params").asLong());
        assertTrue(j.path("per_gpu_bytes").has("total"));
        assertTrue(j.path("fits").isBoolean());
    }

    @Test
    void batchFindsAMicroBatch() throws Exception {
        String[] setup = {"--model", "gpt2", "--seq", "1024", "--gpu", "t4"};
        Result text = run("", concat(new String[]{"batch", "--batch", "64"}, setup));
        assertEquals(0, text.code, text.err);
        assertTrue(text.out.contains("t4"), text.out);
        assertFalse(text.out.contains("none fits"), text.out);

        Result r = run("", concat(new String[]{"batch", "--batch", "64", "--json"}, setup));
        assertEquals(0, r.code, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        int micro = j.path("micro_batch").asInt();
        long usable = j.path("usable_gpu_bytes").asLong();
        assertTrue(micro >= 1, "a micro-batch is found: " + r.out);
        assertEquals(64, micro * j.path("accumulation_steps").asInt(), "the effective batch is kept: " + r.out);
        assertTrue(j.path("peak_bytes").asLong() <= usable, "the micro-batch fits: " + r.out);
        assertTrue(text.out.contains(String.valueOf(micro)), "the table shows it: " + text.out);
        // The largest one: the next divisor of 64 does not fit the same usable memory.
        assertTrue(micro < 64, "gpt2 at seq 1024 does not take a batch of 64 on a 16 GB T4: " + r.out);
        Result next = run("", concat(new String[]{"budget", "--batch", String.valueOf(2 * micro), "--json"}, setup));
        assertEquals(0, next.code, next.err);
        long nextPeak = new ObjectMapper().readTree(next.out).path("per_gpu_bytes").path("total").asLong();
        assertTrue(nextPeak > usable, "micro-batch " + 2 * micro + " needs " + nextPeak + " > " + usable);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void snapshotReadsAPickleAndRefusesAMissingFile() {
        Result r = run("", "snapshot", Fixtures.path("snapshots/oom_fragmented.pickle").toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("out of memory at event"));
        assertEquals(1, run("", "snapshot", "x.pickle").code);
    }

    @Test
    void probeWritesOneScriptIntoTheRepoAndNothingElse() throws Exception {
        Result r = run("", "probe");
        assertEquals(0, r.code, r.err);
        String script = Files.readString(tmp.resolve("oomdoc_probe.py"));
        assertTrue(script.contains("_record_memory_history(max_entries="));
        assertTrue(script.contains("_dump_snapshot"));
        assertTrue(script.contains("memory_summary()"));
        try (var files = Files.list(tmp)) {
            assertEquals(java.util.List.of("oomdoc_probe.py"), files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("state")).toList());
        }
    }

    @Test
    void probeRunWithoutTorchSaysWhy() {
        Result r = run("", "probe", "--run", "--python", tmp.resolve("no-python").toString());
        assertEquals(1, r.code);
        assertTrue(r.err.contains("import torch"), r.err);
    }

    @Test
    void gpuReadsSavedNvidiaSmiOutputAsJson() throws Exception {
        Result r = run("", "gpu", "--json", "--from", Fixtures.path("nvidia_smi/03_h200-590-load.txt").toString());
        assertEquals(0, r.code, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertEquals("file", j.path("source").asText());
        assertEquals(150754820096L, j.path("gpus").get(0).path("memory_total_bytes").asLong());
        assertEquals(3, j.path("gpus").get(0).path("processes").size());
    }

    @Test
    void gpuFromGarbageOrADirectoryIsAClearError() throws Exception {
        assertEquals(1, run("", "gpu", "--from", tmp.toString()).code);
        Path junk = tmp.resolve("junk.txt");
        Files.writeString(junk, "hello");
        Result r = run("", "gpu", "--from", junk.toString());
        assertEquals(1, r.code);
        assertTrue(r.err.contains("nvidia-smi"), r.err);
    }

    @Test
    void gpuOnThisMachineNeverFails() {
        Result r = run("", "gpu", "--json");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("\"source\""));
    }

    @Test
    void diagnoseUsesSavedGpuStateAsEvidence() {
        Result r = run(Fixtures.text("traces/qwen3coder-rank3-2x.txt"), "diagnose", "-", "--gpu", Fixtures.path("nvidia_smi/03_h200-590-load.txt").toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("GPU state (file)"), r.out);
    }

    @Test
    void everySlashCommandIsACommandOfTheOneTree() {
        for (String name : CommandTree.tree(new AppContext(new java.io.PrintWriter(
                java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()),
                java.io.InputStream.nullInputStream(), java.util.Map.of(), java.nio.file.Path.of("."), new Style(false),
                new Session(null), false), false).getSubcommands().keySet()) {
            if (name.equals("exit") || name.equals("help")) continue; // exit is hidden and leaves the REPL
            Result r = run("", name, "--help");
            assertEquals(0, r.code, name + ": " + r.err);
        }
        assertEquals(0, run("", "help").code);
        assertTrue(run("", "facts").out.contains("No facts yet"));
    }

    @Test
    void aBudgetWithoutSequenceLengthNeverClaimsAFit() {
        Result r = run("", "budget", "--model", "llama-3.1-8b", "--gpu-mem", "80GB");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("activations       unknown"), r.out);
        assertFalse(r.out.contains("fits, headroom"), r.out);
    }
}
