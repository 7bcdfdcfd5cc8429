package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-file limits: a huge file is skipped whole with a stated reason instead of stalling the scan. */
class ScannerLimitsTest {
    private static final Path TRAIN = Path.of("src/test/resources/scan_patterns/volatile_eval_loop/train.py");

    @TempDir Path repo;

    @Test
    void aPythonFileOverTheParseLimitIsSkippedWithItsReasonAndTheScanEndsPromptly() throws Exception {
        // scan_patterns/volatile_eval_loop (ours, after facebookarchive/loop's train.py: a loop with backward, step
        // and an eval function) repeated past the limit: many calls, all of them worth parsing for the prefilter.
        String real = Files.readString(TRAIN);
        Files.writeString(repo.resolve("generated_train.py"),
                real.repeat(PythonScanner.MAX_PARSE_BYTES / real.length() + 1));
        ScanResult r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new PythonScanner(Rules.ALL).scan(repo));
        assertTrue(r.skipped().stream().anyMatch(s -> s.file().equals("generated_train.py")
                && s.why().startsWith("larger than")), r.skipped().toString());
        assertTrue(r.findings().isEmpty(), r.findings().toString());
    }

    /**
     * A rule that never finishes: it keeps asking the file for the text of its module, as a rule with a quadratic
     * loop over a huge file would for minutes. Only the per-file budget, checked inside the questions, ends it.
     */
    private static final class EndlessRule implements Rule {
        public String id() { return "endless"; }
        public String kb() { return "M20"; }
        public String severity() { return "low"; }
        public String description() { return "asks the same question forever"; }
        public List<Finding> check(PySource src) {
            List<String> texts = new ArrayList<>();
            while (true) {
                texts.add(src.text(src.root()));
                if (texts.size() > 1_000) texts.clear();
            }
        }
    }

    private void copyTrainingScript() throws Exception {
        Files.copy(TRAIN, repo.resolve("train.py")); // a loop with backward and step, so the file is parsed
    }

    @Test
    void aRuleThatNeverEndsIsStoppedByTheFileBudgetAndTheFileIsNamedWithTheReason() throws Exception {
        copyTrainingScript();
        List<Rule> rules = new ArrayList<>(Rules.DEFAULT);
        rules.add(new EndlessRule());
        ScanResult r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new PythonScanner(rules, 300).scan(repo));
        assertTrue(r.skipped().stream().anyMatch(s -> s.file().equals("train.py")
                && s.why().startsWith("time limit: ") && s.why().endsWith("rules from endless on not run")),
                r.skipped().toString());
    }

    @Test
    void aFileWhoseParseAloneUsesTheBudgetIsSkippedBeforeAnyRuleRuns() throws Exception {
        copyTrainingScript();
        ScanResult r = new PythonScanner(Rules.ALL, 0).scan(repo);
        assertEquals(List.of(new ScanResult.Skipped("train.py", r.skipped().get(0).why())), r.skipped());
        assertTrue(r.skipped().get(0).why().endsWith("ms in the parse; not scanned"), r.skipped().toString());
        assertTrue(r.findings().isEmpty(), r.findings().toString());
    }
}
