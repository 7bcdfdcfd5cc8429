package io.oomdoc.evidence.code;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every fix the scanner suggests, with every rule on, over every case of scan_patterns (the fixtures we wrote after
 * real cases), is valid Python: its before and after text parse back with tree-sitter
 * without an error node. A fix that does not parse (`total_loss.item() += loss.item()`) would be pasted into the
 * user's code as a syntax error.
 */
class FixesParseTest {
    @Test
    void everySuggestedFixParses() throws Exception {
        PythonScanner scanner = new PythonScanner(Rules.ALL);
        List<String> broken = new ArrayList<>();
        int fixes = 0;
        for (String set : new String[]{"scan_patterns"}) {
            try (Stream<Path> dirs = Files.list(Fixtures.path(set))) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    for (Finding f : scanner.scan(d).findings()) {
                        fixes++;
                        for (String code : new String[]{f.fix().before(), f.fix().after()}) {
                            if (new PySource("fix.py", code + "\n", null).hasSyntaxErrors()) {
                                broken.add(d.getFileName() + "/" + f.file() + ":" + f.line() + " " + f.rule() + ": "
                                        + code);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(fixes >= 20, "too few fixes to say anything: " + fixes);
        assertEquals(List.of(), broken);
    }

    /** The parse-back check itself: the broken fix issue 17 quotes is caught. */
    @Test
    void theCheckCatchesTheFixIssue17Quotes() {
        assertTrue(new PySource("fix.py", "total_loss.item() += loss.item()\n", null).hasSyntaxErrors());
    }
}
