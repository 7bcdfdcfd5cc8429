package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry's prefilter: the scanner parses a file when an enabled rule's declared tokens admit it, and a rule
 * that declares none is run on every file, so adding a rule can make a scan slower but never leave it unreached.
 */
class RuleFileTokensTest {
    /** scan_patterns/modules_only (ours, after SeanNaren/deepspeech.pytorch model.py): modules only, no loop. */
    private static final Path LAUNCHER = Path.of("src/test/resources/scan_patterns/modules_only/model.py");

    @TempDir Path repo;

    /** A rule added without a declaration: it reports the first line of every file it is run on. */
    private static final class UndeclaredRule implements Rule {
        public String id() { return "undeclared"; }
        public String kb() { return "M20"; }
        public String severity() { return "low"; }
        public String description() { return "reports the first line of any file"; }
        public List<Finding> check(PySource src) {
            return List.of(finding(src, src.root(), "reached", "", ""));
        }
    }

    @Test
    void aRuleThatDeclaresNoTokensIsRunOnAFileTheDefaultRulesWouldNotParse() throws Exception {
        assertFalse(PythonScanner.relevant(Files.readString(LAUNCHER), false), "the file must be one the default "
                + "rules skip, or this test shows nothing");
        Files.copy(LAUNCHER, repo.resolve("model.py"));
        List<Rule> rules = new ArrayList<>(Rules.DEFAULT);
        rules.add(new UndeclaredRule());
        ScanResult r = new PythonScanner(rules).scan(repo);
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("undeclared") && f.file().equals("model.py")),
                r.findings().toString());
    }

    @Test
    void everyRuleOfTheRegistryDeclaresWhatAFileMustHoldForIt() {
        for (Rule r : Rules.ALL) {
            assertNotEquals(FileTokens.EVERY_FILE, r.fileTokens(), r.id() + " declares no file tokens: every file of "
                    + "a repository would be parsed for it (declare fileTokens())");
        }
    }
}
