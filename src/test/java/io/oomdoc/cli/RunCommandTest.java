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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * `oomdoc run` on recorded scenarios: a stand-in nvidia-smi first on PATH replays recorded readings as the job
 * advances (src/test/resources/run, sources in each frames.txt), and job.sh plays a training job that prints real
 * log lines and a real out-of-memory message. Each scenario must be diagnosed as what its timeline shows, at the
 * default interval (1 s): the recorded jobs last 1 to 4 s, as a short test run of a real job does.
 */
class RunCommandTest {
    @TempDir Path tmp;

    record Result(int code, String out, String err) {
        JsonNode json() throws Exception { return new ObjectMapper().readTree(out); }
    }

    private Result run(String scenario, boolean gpu, String... options) throws Exception {
        Path res = Fixtures.path("run");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Map<String, String> env = new HashMap<>();
        env.put("XDG_STATE_HOME", tmp.resolve("state").toString());
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        if (gpu) {
            Path smi = bin.resolve("nvidia-smi");
            Files.copy(res.resolve("nvidia-smi"), smi);
            assertTrue(smi.toFile().setExecutable(true));
            Files.copy(res.resolve(scenario).resolve("frames.txt"), bin.resolve("frames.txt"));
            path = bin + ":" + path;
        }
        env.put("PATH", path);
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(options));
        args.addAll(List.of("--", "sh", res.resolve("job.sh").toString(), bin.toString(),
                res.resolve(scenario).resolve("plan.txt").toString(), res.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out, err, env, tmp,
                false, false);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> verdicts(JsonNode j) {
        List<String> kinds = new ArrayList<>();
        j.path("timeline").path("verdicts").forEach(v -> kinds.add(v.path("kind").asText()));
        return kinds;
    }

    @Test
    void memoryGrowingStepAfterStepIsALeak() throws Exception {
        Result r = run("leak", true, "--json");
        assertEquals(1, r.code, r.err);
        JsonNode j = r.json();
        assertEquals(List.of("GROWTH"), verdicts(j));
        assertEquals("leak_held_references", j.path("category").asText(), r.out);
        assertEquals(1, j.path("exit_status").asInt());
        // 184 MiB at step 6 to 358 MiB at step 12 (tensorflow/tensorflow#73457): 29 MiB a step
        assertEquals(29L << 20, j.path("timeline").path("growth_per_step_bytes").asLong());
        assertTrue(r.err.contains("it 12/100"), "the job's output went to stderr under --json");
    }

    @Test
    void aFlatLineThenAFailureLateInTheRunIsTheLongestBatch() throws Exception {
        Result r = run("spike", true, "--json");
        assertEquals(1, r.code, r.err);
        JsonNode j = r.json();
        assertEquals(List.of("SPIKE"), verdicts(j));
        assertEquals("longest_batch", j.path("category").asText(), r.out);
        assertEquals(9, j.path("timeline").path("failed_at_step").asInt());
    }

    @Test
    void theChartNamesTheJobsPeakAndTheCardsSize() throws Exception {
        Result r = run("spike", true);
        assertEquals(1, r.code, r.err);
        // espnet/espnet#1903: 10323 MiB reserved on a 1080 Ti of 10.92 GiB
        assertTrue(r.out.contains("GPU memory of the job (10.08 GiB peak of a 10.92 GiB card)"), r.out);
    }

    @Test
    void aFailureInTheSecondStepIsTheOptimizerState() throws Exception {
        Result r = run("step2", true, "--json");
        assertEquals(1, r.code, r.err);
        JsonNode j = r.json();
        assertEquals(List.of("STEP2_JUMP"), verdicts(j));
        assertEquals("optimizer_state_step2", j.path("category").asText(), r.out);
    }

    @Test
    void anotherProcessArrivingOnTheCardIsANeighbour() throws Exception {
        Result r = run("neighbour", true, "--json");
        assertEquals(1, r.code, r.err);
        JsonNode j = r.json();
        assertEquals(List.of("NEIGHBOUR"), verdicts(j));
        assertEquals("other_process_or_zombie", j.path("category").asText(), r.out);
        JsonNode n = j.path("timeline").path("neighbours").get(0);
        assertEquals(11345, n.path("pid").asLong());
        assertEquals(27120L << 20, n.path("used_bytes").asLong());
        assertEquals(3, n.path("first_seen_step").asInt());
    }

    @Test
    void aSigkillWithNoCudaMessageIsHostRam() throws Exception {
        Result r = run("hostkill", false, "--gpu", "none");
        assertEquals(137, r.code, r.err);
        assertTrue(r.out.contains("status 137 (signal 9, SIGKILL)"), r.out);
        assertTrue(r.out.contains("## Memory Timeline"), r.out);
        assertTrue(r.out.contains("--gpu none: host memory only"), r.out);
        assertTrue(r.out.contains("Host RAM out of memory"), r.out);
        assertTrue(r.out.contains("step 3 loss 0.9"), "the job's stdout passed through");
    }

    @Test
    void aTracebackIsDiagnosedAndTheStatusPassedThroughWithoutAGpu() throws Exception {
        Result r = run("traceback", false);
        assertEquals(1, r.code, r.err);
        assertTrue(r.err.contains("Tried to allocate 86.00 MiB"), "the job's stderr passed through");
        assertTrue(r.out.contains("no nvidia-smi on PATH: host memory only") || r.out.contains("host memory only"),
                r.out);
        assertTrue(r.out.contains("train.py:228"), r.out);
        assertTrue(r.out.contains("## Confidence Assessment"), r.out);
    }

    @Test
    void aJobThatSucceedsPrintsOneJsonDocumentWithStatusZero() throws Exception {
        Path plan = tmp.resolve("ok.txt");
        Files.writeString(plan, "log step 1\nexit 0\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"run", "--json", "--gpu", "none", "--", "sh",
                Fixtures.path("run/job.sh").toString(), tmp.toString(), plan.toString(), tmp.toString()},
                new ByteArrayInputStream(new byte[0]), out, err, Map.of("PATH", System.getenv("PATH")), tmp, false,
                false);
        assertEquals(0, code);
        JsonNode j = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(0, j.path("exit_status").asInt());
        assertFalse(j.has("category"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("step 1"));
    }

    @Test
    void anUnknownCommandIs127AndNoCommandIsAUsageError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"run", "--", "no-such-program-xyz"}, new ByteArrayInputStream(new byte[0]),
                out, err, Map.of("PATH", "/nonexistent"), tmp, false, false);
        assertEquals(127, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no-such-program-xyz: command not found"));
        assertEquals(2, Main.run(new String[]{"run"}, new ByteArrayInputStream(new byte[0]), out, err, Map.of(), tmp,
                false, false));
        assertEquals(2, Main.run(new String[]{"run", "--interval", "5ms", "--", "true"},
                new ByteArrayInputStream(new byte[0]), out, err, Map.of(), tmp, false, false));
    }

    /** SIGTERM sent to oomdoc (as SLURM or docker stop do) reaches the job, and oomdoc exits with the job's status. */
    @Test
    void sigtermIsForwardedToTheJobAndItsStatusReturned() throws Exception {
        Path res = Fixtures.path("run");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                "io.oomdoc.cli.Main", "run", "--gpu", "none", "--", "sh", res.resolve("job.sh").toString(),
                tmp.toString(), res.resolve("signal/plan.txt").toString(), res.toString());
        pb.redirectErrorStream(true);
        Process oomdoc = pb.start();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try { oomdoc.getInputStream().transferTo(seen); } catch (java.io.IOException ignored) { }
        });
        reader.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!seen.toString(StandardCharsets.UTF_8).contains("step 2") && System.currentTimeMillis() < deadline)
            Thread.sleep(50);
        // SIGTERM to oomdoc itself; Process.destroy() would also close the pipe this test reads
        new ProcessBuilder("kill", "-TERM", Long.toString(oomdoc.pid())).start().waitFor();
        assertTrue(oomdoc.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        reader.join(5000);
        String text = seen.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("job: got TERM"), oomdoc.exitValue() + " " + text);
        assertEquals(143, oomdoc.exitValue(), text);
        assertFalse(text.contains("step 20"), "the job stopped when told to");
    }
}
