package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.reasoning.FeatureVector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knowledge ids a report lists first (KbChoice, model/evidence-kb.tsv). */
class KbChoiceTest {
    // the tail of a report quoted in eosphoros-ai/DB-GPT#63: shard loading cut off by the kernel
    private static final String KILLED = "Loading checkpoint shards:   0%|          | 0/2 [00:00<?, ?it/s]Killed";

    private static Evidence evidence(String text) {
        return new Diagnoser().evidence(LogText.of(text), null, Facts.EMPTY, null, null, null,
                new java.util.ArrayList<>());
    }

    @Test
    void theEntryAKillPointsAtIsAmongTheFirstThreeWhateverLeads() {
        Evidence e = evidence(KILLED);
        List<Hypothesis> ranked = List.of(new Hypothesis(Category.MODEL_TOO_LARGE, 0.9, Category.MODEL_TOO_LARGE.kb,
                List.of()));
        FeatureVector killed = FeatureVector.builder().flag("kill-named").build();
        List<String> ids = KbChoice.ids(e, ranked, killed);
        assertEquals("M1", ids.get(0));
        assertTrue(ids.subList(0, 3).contains("U9"), ids.toString());
        assertEquals(List.of("M1", "M13", "M12"), KbChoice.ids(e, ranked, FeatureVector.builder().build())
                .subList(0, 3));
    }

    @Test
    void aCloseRunnerUpsEntryComesSecond() {
        Evidence e = evidence(KILLED);
        List<Hypothesis> ranked = List.of(
                new Hypothesis(Category.LONGEST_BATCH, 0.5, Category.LONGEST_BATCH.kb, List.of()),
                new Hypothesis(Category.ATTENTION_SEQ_LEN, 0.3, Category.ATTENTION_SEQ_LEN.kb, List.of()));
        assertEquals(List.of("M16", "M11", "M8"), KbChoice.ids(e, ranked, FeatureVector.builder().build())
                .subList(0, 3));
    }
}
