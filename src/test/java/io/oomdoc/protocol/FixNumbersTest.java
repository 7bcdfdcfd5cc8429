package io.oomdoc.protocol;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fixes are written in the user's own numbers (issue 12, point 6): a figure the text does not give is named by a
 * symbol and explained, never filled with an example that reads as theirs (bench/run.sh ReportAudit, check
 * number-not-users).
 */
class FixNumbersTest {
    private static final Diagnoser D = new Diagnoser();

    private static Report diagnose(String text) {
        return EvidenceGatherer.from(LogText.of(text)).sessionFacts(Facts.EMPTY).gather().diagnose(D);
    }

    private static Case heldOut12(String id) {
        return Corpus.heldout12().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aBatchTheTextDoesNotGiveIsNamedBAndExplainedNotInventedAs32() {
        // frostinassiky/gtad#30 (corpus_heldout12): G-TAD on an 11 GB card, the message gives no batch size
        Case c = heldOut12("gtad-30-begin-training-4gib-half-batch");
        for (String text : List.of(c.withDescription(), c.paste())) {
            Report.Fix halve = diagnose(text).fixes().stream().filter(f -> f.title().startsWith("Halve the micro"))
                    .findFirst().orElseThrow();
            assertTrue(halve.before().contains("batch_size=B)"), halve.before());
            assertTrue(halve.before().contains("# B: the batch size you run now"), halve.before());
            assertTrue(halve.after().contains("batch_size=B // 2)"), halve.after());
            assertFalse((halve.before() + halve.after()).matches("(?s).*batch_size=(32|16)\\b.*"), halve.after());
        }
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aBatchTheLogGivesIsHalvedAsItIs() {
        // h200/oom_train.log (recorded on this project's H200, h200/README.md): the log's first line says batch 32
        Report r = diagnose(io.oomdoc.Fixtures.text("h200/oom_train.log"));
        Report.Fix halve = r.fixes().stream().filter(f -> f.title().startsWith("Halve the micro")).findFirst()
                .orElseThrow();
        assertTrue(halve.before().startsWith("loader = DataLoader(dataset, batch_size=32)"), halve.before());
        assertFalse(halve.before().contains("# B:"), halve.before());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void theContextCapIsWhatTheEnginesCacheHoldsEvenWhenTheUserNamesAShorterOneThatWorked() {
        // vllm-project/vllm#10517 (corpus): "20k and 35k started, 29k refused"; the log says the cache holds 23648
        Case c = Corpus.inAll("vllm-10517-llama31-8b-29k-max-model-len-kv").orElseThrow();
        Report.Fix cap = diagnose(c.withDescription()).fixes().stream()
                .filter(f -> f.after().contains("--max-model-len")).findFirst().orElseThrow();
        assertTrue(cap.after().contains("--max-model-len 23648"), cap.after());
    }

    @Test
    void aModelSizeIsGivenToTheBudgetAtTheUsersPrecision() {
        // GPT-2 large's 774M went to the budget command as "--params 0.8e9"; 6.74B as "6.7e9"
        assertEquals("774M", FixTemplate.params(774_000_000L));
        assertEquals("6.74e9", FixTemplate.params(6_740_000_000L));
        assertEquals("1.5e9", FixTemplate.params(1_500_000_000L));
        assertEquals("7e9", FixTemplate.params(7_000_000_000L));
    }
}
