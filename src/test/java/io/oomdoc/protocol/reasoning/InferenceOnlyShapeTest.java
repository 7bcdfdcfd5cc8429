package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape inference-only (model/conjunctions.tsv): a report of a finished model being run, with nothing in it that
 * trains, is told apart from a training report, on real reports of corpus_heldout10 and 11 (burned sets; each
 * case's "source" field names its thread).
 */
class InferenceOnlyShapeTest {
    private static final List<Case> BURNED = Stream.of(Corpus.heldout10(), Corpus.heldout11())
            .flatMap(List::stream).toList();

    private static Set<String> shapes(String id) {
        Case c = BURNED.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
        var e = new Diagnoser().evidence(LogText.of(c.paste()), c.context(), Facts.EMPTY, null, null, null,
                new ArrayList<>());
        return new FeatureExtractor().extract(e).values().keySet().stream().filter(k -> k.startsWith("shape:"))
                .collect(Collectors.toSet());
    }

    @Test
    void aModelRunForInferenceOnTheUsersOwnInputHasTheShape() {
        // ZeroNVS#12: novel-view synthesis run on the reporter's own image, out of memory, no trace
        assertTrue(shapes("zeronvs-12-3090-inference-prose").contains("shape:inference-only"));
        // CrisperWhisper#13: transcribing a two-minute recording
        assertTrue(shapes("crisperwhisper-13-2min-audio-40gb-a100").contains("shape:inference-only"));
    }

    @Test
    void aReportThatAlsoTrainsHasNotTheShape() {
        // stardist#119: predicting with a 3D model the reporter trained just before: the words name both
        assertFalse(shapes("stardist-119-3d-predict-resource-exhausted").contains("shape:inference-only"));
    }
}
