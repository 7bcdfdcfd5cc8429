package io.oomdoc.evidence.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's "Adding things" for a scanner rule: one class in rules/ and one row in Rules.ALL. The scanner parses
 * only the files its token prefilter (PythonScanner.relevant) lets through, so a rule whose code shape lacks those
 * tokens would never run on a real repository. Checked on the labelled findings of scan_patterns (fixtures we wrote
 * after real cases, labels.json; its .py files): where the rule, run on the file alone, reports the labelled line,
 * the prefilter of the rule set it belongs to lets the file through. Rules with no labelled fixture yet (their
 * snippets in ScannerRulesTest also go through the prefilter) are named by the last test.
 */
class EveryRuleIsReachedTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static Rule rule(String id) {
        return Rules.ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(
                "labels.json names a rule that Rules.ALL does not hold: " + id));
    }

    /** Each labelled finding of a .py file, with its case folder under "case". */
    private static List<JsonNode> trueFindings() throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(SET.resolve("labels.json").toFile())) {
            for (JsonNode f : c.get("findings")) {
                // notebooks are read cell by cell (Notebook), not as one Python file: the .py files carry the check
                if (!f.get("file").asText().endsWith(".py")) continue;
                found.add(((com.fasterxml.jackson.databind.node.ObjectNode) f.deepCopy()).put("case",
                        c.get("case").asText()));
            }
        }
        return found;
    }

    @Test
    void everyRuleThatReportsALabelledLineOfAFixtureIsLetThroughByThePrefilter() throws Exception {
        Set<String> reached = new TreeSet<>();
        for (JsonNode e : trueFindings()) {
            Rule r = rule(e.get("rule").asText());
            String where = e.get("case").asText() + "/" + e.get("file").asText() + ":" + e.get("line").asInt();
            String text = Files.readString(SET.resolve(e.get("case").asText()).resolve(e.get("file").asText()));
            // on the file alone (no other file's no_grad callees), the rule may stay quiet: then it proves nothing
            if (r.check(new PySource(where, text, null)).stream().noneMatch(f -> f.line() == e.get("line").asInt())) {
                continue;
            }
            reached.add(r.id());
            assertTrue(PythonScanner.relevant(text, true), where + ": the prefilter of every rule skips the file");
            if (Rules.DEFAULT.contains(r)) assertTrue(PythonScanner.relevant(text, false), where
                    + ": the prefilter of the default rules skips the file");
        }
        Set<String> labelled = new TreeSet<>();
        for (JsonNode e : trueFindings()) labelled.add(e.get("rule").asText());
        assertEquals(labelled, reached, "rules whose every labelled line goes unreported on the file alone");
    }

    @Test
    void theRulesWithNoLabelledFixtureAreKnown() throws Exception {
        List<String> without = new ArrayList<>();
        for (Rule r : Rules.ALL) without.add(r.id());
        for (JsonNode e : trueFindings()) without.remove(e.get("rule").asText());
        // a new rule lands here until a fixture shows it; a rule that gains one leaves the list
        assertEquals(List.of("hf_eval_accumulation", "eager_attention_long_seq", "fp32_training", "ddp_no_set_device",
                "empty_cache_in_loop", "pin_memory_many_workers").stream().sorted().toList(),
                without.stream().sorted().toList());
    }
}
