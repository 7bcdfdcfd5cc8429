package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape killed-still-held (model/conjunctions.tsv): a job killed or stopped whose memory is still held is a
 * leftover process, told apart from a host kill, on real reports of the development corpus (sources in comments).
 */
class KilledStillHeldShapeTest {
    private static Set<String> shapes(String id) {
        Case c = Corpus.inTrainable(id).orElseThrow();
        var e = new Diagnoser().evidence(LogText.of(c.paste()), c.context(), Facts.EMPTY, null, null, null,
                new ArrayList<>());
        return new FeatureExtractor().extract(e).values().keySet().stream().filter(k -> k.startsWith("shape:"))
                .collect(Collectors.toSet());
    }

    @Test
    void aKilledTrainingWhoseMemoryIsStillOccupiedHasTheShape() {
        // PaddlePaddle/PaddleScience#1195: the background training, once killed, still occupies GPU memory
        assertTrue(shapes("paddlescience-1195-killed-training-keeps-vram-zh").contains("shape:killed-still-held"));
    }

    @Test
    void aDataLoaderWorkerKilledByTheHostHasNotTheShape() {
        // hezhangsprinter/DCPDN#12: a worker killed by the host's OOM killer, nothing left holding the card
        assertFalse(shapes("dcpdn-12-dataloader-killed-16g").contains("shape:killed-still-held"));
    }
}
