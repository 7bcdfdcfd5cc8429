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
 * tokens would never run on a real repository. Checked on the findings a reader judged true in real files of public
 * repositories (scan_wild/labels.json, with repository and commit; its .py files): where the rule, run on the file
 * alone, reports the labelled line, the prefilter of the rule set it belongs to lets the file through. Rules with no
 * labelled real file yet (their snippets in ScannerRulesTest also go through the prefilter) are named by the last test.
 */
class EveryRuleIsReachedTest {
    private static final Path WILD = Path.of("src/test/resources/scan_wild");

    private static Rule rule(String id) {
        return Rules.ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(
                "labels.json names a rule that Rules.ALL does not hold: " + id));
    }

    private static List<JsonNode> trueFindings() throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(WILD.resolve("labels.json").toFile())) {
            // notebooks are read cell by cell (Notebook), not as one Python file: the .py files carry the check
            if (e.get("true").asBoolean() && !e.get("rule").asText().isEmpty()
                    && e.get("file").asText().endsWith(".py")) found.add(e);
        }
        return found;
    }

    @Test
    void everyRuleThatReportsALabelledLineOfARealFileIsLetThroughByThePrefilter() throws Exception {
        Set<String> reached = new TreeSet<>();
        for (JsonNode e : trueFindings()) {
            Rule r = rule(e.get("rule").asText());
            String where = e.get("repo").asText() + "/" + e.get("file").asText() + ":" + e.get("line").asInt();
            String text = Files.readString(WILD.resolve(e.get("repo").asText().replace('/', '+'))
                    .resolve(e.get("file").asText()));
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
    void theRulesWithNoTrueFindingInARealFileAreKnown() throws Exception {
        List<String> without = new ArrayList<>();
        for (Rule r : Rules.ALL) without.add(r.id());
        for (JsonNode e : trueFindings()) without.remove(e.get("rule").asText());
        // a new rule lands here until a real file shows it; a rule that gains one leaves the list
        assertEquals(List.of(), without.stream().filter(id -> !List.of("hf_eval_accumulation", "missing_zero_grad",
                "checkpointing_use_cache", "eager_attention_long_seq", "fp32_training", "dataset_on_gpu",
                "ddp_no_set_device", "empty_cache_in_loop", "pin_memory_many_workers").contains(id)).toList());
    }
}
