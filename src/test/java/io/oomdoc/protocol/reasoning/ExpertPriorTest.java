package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expert's support of each readable rule for each cause, summed, on the bundled table model/expert-prior.tsv. */
class ExpertPriorTest {
    private static Map<String, Double> prior(String... rules) {
        FeatureVector.Builder b = FeatureVector.builder();
        ExpertPrior.addTo(new LinkedHashSet<>(List.of(rules)), b);
        return b.build().values();
    }

    @Test
    void oneRuleGivesItsSupportScaledAndNamesItsCauseTheTop() {
        // "cuda runtime error": context_creation 5, other_process_or_zombie 2
        Map<String, Double> x = prior("cuda runtime error");
        assertEquals(0.5, x.get("prior:context_creation"), 1e-12);
        assertEquals(0.2, x.get("prior:other_process_or_zombie"), 1e-12);
        assertEquals(1.0, x.get("prior-top:context_creation"));
        assertEquals(3, x.size(), x.toString());
    }

    @Test
    void theSupportOfSeveralRulesAddsUpAndTheLargestSumIsTheTop() {
        // other_process_or_zombie: 2 (cuda runtime error) + 7 (held outside the allocator) = 9 > context_creation 5
        Map<String, Double> x = prior("cuda runtime error", "held outside the allocator");
        assertEquals(0.9, x.get("prior:other_process_or_zombie"), 1e-12);
        assertTrue(x.containsKey("prior-top:other_process_or_zombie"), x.toString());
        assertTrue(!x.containsKey("prior-top:context_creation"), x.toString());
    }

    @Test
    void aRuleTheExpertGaveNoSupportAddsNothing() {
        assertEquals(Map.of(), prior("no such rule"));
        assertEquals(Map.of(), prior());
    }

    /**
     * Parsed afresh, not through the cache addTo uses (a mutation test would otherwise check the table parsed before
     * the mutation): every data row of the text is kept, the header and comments are not, and a row's support is
     * its third column.
     */
    @Test
    void theTableParsedFromItsTextKeepsEveryRowAndNothingElse() throws Exception {
        String text = new String(getClass().getClassLoader().getResourceAsStream("model/expert-prior.tsv")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        var table = ExpertPrior.read(new java.io.ByteArrayInputStream(text.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        long rows = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("rule\t")).count();
        assertEquals(rows, table.values().stream().mapToLong(Map::size).sum());
        assertTrue(!table.containsKey("rule"), table.keySet().toString());
        assertEquals(Map.of("context_creation", 5.0, "other_process_or_zombie", 2.0), table.get("cuda runtime error"));
        assertEquals(10.0, table.get("host-ram message").get("host_ram_oom"));
    }

    @Test
    void aMissingTableIsSaidByName() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> ExpertPrior.read(null));
        assertTrue(e.getMessage().contains("model/expert-prior.tsv"), e.getMessage());
    }
}
