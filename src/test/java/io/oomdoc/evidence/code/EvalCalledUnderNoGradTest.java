package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * eval_without_no_grad follows callers through helpers: a function reached only from a function that its own
 * caller wraps in torch.no_grad() runs with autograd off, however many calls lie between.
 */
class EvalCalledUnderNoGradTest {
    /**
     * scan_patterns/patch_loop_two_calls_below_no_grad, written by us after cszn/KAIR@fc1732f4 main_test_rvrt.py
     * (https://github.com/cszn/KAIR/blob/fc1732f4a4514e42ce15e5b3a1e18c828af47a1e/main_test_rvrt.py, lines 74 and
     * 297; first contact in round 10, check half: reported, false): main() calls test_sequence() inside
     * `with torch.no_grad():`; test_sequence() calls test_tiles(), whose patch loop runs the model (line 18).
     */
    private static final Path FIXTURE = Path.of("src/test/resources/scan_patterns/patch_loop_two_calls_below_no_grad"
            + "/video_sr_eval.py");

    @TempDir Path repo;

    @Test
    void aPatchLoopTwoCallsBelowANoGradBlockIsNotReported() throws Exception {
        Path file = repo.resolve("video_sr_eval.py");
        Files.copy(FIXTURE, file);
        var findings = new PythonScanner().scan(repo).findings();
        assertTrue(findings.stream().noneMatch(f -> f.rule().equals("eval_without_no_grad")), findings.toString());
    }

    /** The same file with the no_grad block taken away from main(): the patch loop is an eval loop with a graph. */
    @Test
    void withoutTheCallersNoGradThePatchLoopIsReported() throws Exception {
        String text = Files.readString(FIXTURE);
        String call = "restored = test_sequence(frames, net, opts)";
        String edited = text.replace("        with torch.no_grad():\n            " + call, "        " + call);
        assertTrue(!edited.equals(text), "the fixture no longer holds the no_grad block");
        Files.writeString(repo.resolve("video_sr_eval.py"), edited);
        var findings = new PythonScanner().scan(repo).findings().stream()
                .filter(f -> f.rule().equals("eval_without_no_grad")).toList();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(18, findings.get(0).line()); // the model call of the patch loop, above the edit
    }
}
