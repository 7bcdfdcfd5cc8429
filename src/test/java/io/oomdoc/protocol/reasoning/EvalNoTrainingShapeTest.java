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
 * The shape eval-no-training (model/conjunctions.tsv): a finished model evaluated on a benchmark, with nothing in the
 * report that trains, is told apart from the validation pass of a training run, on real reports of corpus_heldout10 and
 * 11 (burned sets; each case's "source" field names its thread), read with their descriptions.
 */
class EvalNoTrainingShapeTest {
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
    void aBenchmarkRunOfAFinishedModelHasTheShape() {
        // open-compass/VLMEvalKit#156: LLaVA 34B evaluated with an evaluation toolkit on one card of eight
        assertTrue(shapes("vlmevalkit-156-llava-34b-one-card-of-eight-zh").contains("shape:eval-no-training"));
    }

    @Test
    void theValidationPassOfATrainingRunHasNotTheShape() {
        // mfaizan-ai/Brain-Tumors-Segmentation#6: out of memory in the validation loop while training on a 3090
        assertFalse(shapes("brain-tumors-seg-6-validation-oom-3090").contains("shape:eval-no-training"));
    }
}
