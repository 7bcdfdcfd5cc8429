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
    @TempDir Path repo;

    /**
     * cszn/KAIR@fc1732f4a4514e42ce15e5b3a1e18c828af47a1e main_test_rvrt.py, whole file
     * (https://github.com/cszn/KAIR/blob/fc1732f4a4514e42ce15e5b3a1e18c828af47a1e/main_test_rvrt.py):
     * main() calls test_video() inside `with torch.no_grad():` (line 74); test_video() calls test_clip(), whose
     * patch loop runs the model (line 297). First contact in round 10 (check half): reported, false.
     */
    @Test
    void aPatchLoopTwoCallsBelowANoGradBlockIsNotReported() throws Exception {
        Path file = repo.resolve("main_test_rvrt.py");
        Files.copy(Path.of("src/test/resources/scan_wild10/excerpts/main_test_rvrt.py"), file);
        var findings = new PythonScanner().scan(repo).findings();
        assertTrue(findings.stream().noneMatch(f -> f.rule().equals("eval_without_no_grad")), findings.toString());
    }

    /** The same file with the no_grad block taken away from main(): the patch loop is an eval loop with a graph. */
    @Test
    void withoutTheCallersNoGradThePatchLoopIsReported() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/scan_wild10/excerpts/main_test_rvrt.py"));
        String edited = text.replace("        with torch.no_grad():\n            output = test_video(lq, model, args)",
                "        output = test_video(lq, model, args)");
        assertTrue(!edited.equals(text), "the excerpt no longer holds the no_grad block");
        Files.writeString(repo.resolve("main_test_rvrt.py"), edited);
        var findings = new PythonScanner().scan(repo).findings().stream()
                .filter(f -> f.rule().equals("eval_without_no_grad")).toList();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(296, findings.get(0).line()); // line 297 of the original, one line removed above it
    }
}
