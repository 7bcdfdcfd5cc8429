package io.oomdoc.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.Fixtures;
import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.ScanResult;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.reasoning.Reasoner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A scanner rule or a reasoning row that throws is a bug, and the product only notes it (a skipped-file reason, a
 * broken feature) so that the user still gets an answer. Here it fails the build: every case of scan_patterns/ (the
 * scanner fixtures we wrote after real cases, labels.json) is scanned and then diagnosed with a real trace, which runs
 * every reasoning row on code evidence.
 */
class NoSilentFailureTest {
    private static final String TRACE = "traces/segtoolbox-backward-1x-cached.txt";

    @Test
    void noScannerRuleAndNoReasoningRowThrowsOnTheScannerFixtures() throws Exception {
        JsonNode labels = new ObjectMapper().readTree(Fixtures.text("scan_patterns/labels.json"));
        PythonScanner scanner = new PythonScanner(io.oomdoc.evidence.code.Rules.ALL); // every rule must not throw
        Diagnoser diagnoser = new Diagnoser();
        String trace = Fixtures.text(TRACE);
        List<String> ruleFailures = new ArrayList<>();
        int withFindings = 0;
        for (JsonNode c : labels) {
            String name = c.path("case").asText();
            ScanResult r = scanner.scan(Fixtures.path("scan_patterns/" + name));
            r.skipped().stream().filter(s -> s.why().startsWith("rule ") || s.why().startsWith("parser failed"))
                    .forEach(s -> ruleFailures.add(name + "/" + s.file() + ": " + s.why()));
            if (!r.findings().isEmpty()) withFindings++;
            Report report = diagnoser.diagnose(LogText.of(trace), trace, CodeEvidence.facts(r), null,
                    CodeEvidence.from(r));
            assertNotNull(report.category(), name);
        }
        assertEquals(List.of(), ruleFailures, "scanner rules that threw");
        assertTrue(withFindings >= 15, "the code rows had findings to read in " + withFindings + " cases");
        assertEquals(List.of(), Reasoner.bundled().features().broken(), "reasoning rows that threw");
    }
}
