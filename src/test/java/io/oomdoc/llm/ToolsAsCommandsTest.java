package io.oomdoc.llm;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.LlmMode;
import io.oomdoc.cli.Main;
import io.oomdoc.cli.Session;
import io.oomdoc.cli.Style;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The model's tools answer with what the commands print for `--json`: the same services, the same records, the same
 * serialization. Each test runs the command the way a user would and compares the text byte for byte.
 * Fixtures: traces/ (quoted from public issue threads, see traces/SOURCES.md) and scan_patterns/volatile_eval_loop
 * (written by us after facebookarchive/loop train.py, see scan_patterns/labels.json).
 */
class ToolsAsCommandsTest {
    private static final Path RESOURCES = Path.of("src/test/resources");

    private final Session session = new Session(null);

    private OomdocTools tools(Path workDir) {
        AppContext ctx = new AppContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of(), workDir, new Style(false), session, false);
        return new OomdocTools(workDir, session::facts, msg -> { }, LlmMode.commands(ctx));
    }

    private static String cli(Path workDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), out, err, Map.of(), workDir, false, false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void budgetIsTheBudgetCommandsJson() {
        assertEquals(cli(RESOURCES, "budget", "--json", "--model", "llama-3.1-8b", "--seq", "2048", "--batch", "4",
                        "--optimizer", "adamw-8bit", "--gpu", "rtx 4090"),
                tools(RESOURCES).budget("llama-3.1-8b", null, 2048, 4, null, "adamw-8bit", "rtx 4090", null));
    }

    @Test
    void maxBatchIsTheBatchCommandsJsonForTheMemoryGiven() {
        assertEquals(cli(RESOURCES, "batch", "--json", "--params", "1300000000", "--seq", "1024", "--batch", "64",
                        "--precision", "fp32", "--gpu-mem", "40.0GiB"),
                tools(RESOURCES).maxBatch(null, 1_300_000_000L, 1024, 64, "fp32", null, 40.0));
    }

    @Test
    void knowledgeIsTheKbCommandsJsonForAnIdAndForWords() {
        OomdocTools t = tools(RESOURCES);
        assertEquals(cli(RESOURCES, "kb", "--json", "M8"), t.knowledge("M8"));
        assertEquals(cli(RESOURCES, "kb", "--json", "validation", "memory", "grows"),
                t.knowledge(" validation memory  grows"));
    }

    @Test
    void scanIsTheScanCommandsJsonOfTheRepository() {
        Path repo = RESOURCES.resolve("scan_patterns/volatile_eval_loop").toAbsolutePath();
        String json = tools(repo).scanCode();
        assertEquals(cli(repo, "scan", "--json"), json);
        assertTrue(json.contains("eval_without_no_grad"), json);
    }

    @Test
    void diagnoseIsTheDiagnoseCommandsReportOfTheSameLog() throws Exception {
        Path trace = RESOURCES.resolve("traces/visfly-backward-2x.txt");
        String json = tools(RESOURCES).diagnose(Files.readString(trace));
        assertEquals(cli(RESOURCES, "diagnose", "--json", "traces/visfly-backward-2x.txt"), json);
        assertTrue(json.contains("\"issue_type\" : \"vram_oom\""), json);
    }

    @Test
    void aRefusedCommandGivesTheModelItsErrorLine() {
        String answer = tools(RESOURCES).budget("llama-9000", null, 2048, 1, null, null, null, null);
        assertTrue(answer.startsWith("error: unknown model \"llama-9000\"; nearest: "), answer);
    }

    @Test
    void textThatIsNoFailureIsRefusedAsTheCommandRefusesIt() {
        assertEquals("error: no out-of-memory message was found in the input; pass the full log of the failed run, "
                + "or describe the problem with `oomdoc ask`", tools(RESOURCES).diagnose("hello, world"));
    }

    @Test
    void aToolLeavesTheSessionAsItWas() throws Exception {
        tools(RESOURCES).diagnose(Files.readString(RESOURCES.resolve("traces/visfly-backward-2x.txt")));
        assertNull(session.lastReport());
        assertTrue(session.facts().asMap().isEmpty(), session.facts().asMap().toString());
    }

    @Test
    void aToolCallSeesNothingOfTheCallBefore() throws Exception {
        OomdocTools t = tools(RESOURCES);
        String first = t.diagnose(Files.readString(RESOURCES.resolve("traces/visfly-backward-2x.txt")));
        assertTrue(first.contains("\"issue_type\" : \"vram_oom\""), first);
        // the same runner: neither the first log (standard input) nor its report or output may reach this answer
        assertEquals(cli(RESOURCES, "kb", "--json", "M8"), t.knowledge("M8"));
        assertTrue(t.diagnose("hello, world").startsWith("error: no out-of-memory message"));
        assertNull(session.lastReport());
    }

    /** snapshots/leak.pickle: written by snapshots/make_fixtures.py in the snapshot format torch records. */
    @Test
    void readSnapshotIsTheSnapshotCommandsJsonOfAFileInsideTheRepository() {
        String json = tools(RESOURCES).readSnapshot("snapshots/leak.pickle");
        assertEquals(cli(RESOURCES, "snapshot", "--json", "snapshots/leak.pickle"), json);
        assertTrue(json.contains("\"segments\""), json);
    }

    @Test
    void gpuStateIsTheGpuCommandsJson() {
        String tool = tools(RESOURCES).gpuState();
        assertEquals(probeShape(cli(RESOURCES, "gpu", "--json")), probeShape(tool));
        assertTrue(tool.contains("\"host\""), tool);
    }

    /**
     * Two probes may read different figures (host memory moves) and word a reason differently (a native library fails
     * to load once per JVM, then its class fails to initialise); the record, its names and its layout may not.
     */
    private static String probeShape(String json) {
        return json.replaceAll("\\d+", "N").replaceAll("(?m)(\"why\" : ).*$", "$1…");
    }
}
