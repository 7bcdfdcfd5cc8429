package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.reasoning.LinearModel;
import io.oomdoc.protocol.reasoning.Reasoner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Topic cues (the domain or the stack) are not causes: the category model is fitted without them; the one left,
 * Apple silicon, is still read for the knowledge-entry choice. Real reports of the burned sets corpus_heldout10
 * and 11 (their "source" fields name the threads): three speech reports and one on Apple silicon.
 */
class TopicCuesTest {
    private static final Set<String> IDS = Set.of("crisperwhisper-13-2min-audio-40gb-a100",
            "silero-vad-683-validation-long-audio", "kimi-audio-43-audio-output-grows-40g-zh",
            "mtplx-194-metal-insufficient-memory");

    private static List<TrainReasoner.Example> examples() {
        List<Case> cases = Stream.of(Corpus.heldout10(), Corpus.heldout11()).flatMap(List::stream)
                .filter(c -> IDS.contains(c.id())).toList();
        return TrainReasoner.examples(cases);
    }

    @Test
    void theReportOnAppleSiliconCarriesItsTopicCueForTheKnowledgeChoice() {
        assertTrue(examples().stream().anyMatch(e -> e.x().values().containsKey("log:mps")
                || e.x().values().containsKey("cue:mps")));
    }

    @Test
    void theTopicWordsNoLongerMakeFeatures() {
        assertTrue(examples().stream().noneMatch(e -> e.x().values().keySet().stream()
                .anyMatch(k -> k.matches("(?:cue|log):(?:not-)?(?:speech|jaxtf|diffusion)"))));
    }

    @Test
    void theCategoryModelIsFittedWithoutTopicCuesButWithTheRest() {
        LinearModel m = TrainReasoner.fit(examples(), e -> e.c().category(), 3.0);
        assertFalse(m.knows("cue:mps") || m.knows("log:mps"));
        assertTrue(m.knows("cue:growth"), "a cause's own cue stays");
    }

    @Test
    void onlyTopicAndPhaseRowsAreNotCauses() {
        assertTrue(Reasoner.notACause("log:mps"));
        assertTrue(Reasoner.notACause("cue:not-mps"));
        assertTrue(Reasoner.notACause("cue:phase-inference"));
        assertFalse(Reasoner.notACause("cue:attention"));
        assertFalse(Reasoner.notACause("cue:mpsx"));
    }
}
