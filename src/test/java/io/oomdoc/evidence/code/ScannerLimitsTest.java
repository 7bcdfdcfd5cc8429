package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-file limits: a huge file is skipped whole with a stated reason instead of stalling the scan. */
class ScannerLimitsTest {
    @TempDir Path repo;

    @Test
    void aPythonFileOverTheParseLimitIsSkippedWithItsReasonAndTheScanEndsPromptly() throws Exception {
        // facebookarchive/loop's train.py (scan_dev case03: a real loop with backward, step and an eval function)
        // repeated past the limit: many calls, all of them worth parsing for the prefilter.
        String real = Files.readString(Path.of("src/test/resources/scan_dev/case03/train.py"));
        Files.writeString(repo.resolve("generated_train.py"),
                real.repeat(PythonScanner.MAX_PARSE_BYTES / real.length() + 1));
        ScanResult r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new PythonScanner(Rules.ALL).scan(repo));
        assertTrue(r.skipped().stream().anyMatch(s -> s.file().equals("generated_train.py")
                && s.why().startsWith("larger than")), r.skipped().toString());
        assertTrue(r.findings().isEmpty(), r.findings().toString());
    }
}
