package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A card of 4 GB or less, read from the words (cue smallcard), from the message's capacity and from the card the
 * facts hold (card:small).
 */
class SmallCardTest {
    private static Set<String> features(String text) { return CueFeatures.of(text); }

    private static Case corpusCase(String id) {
        return java.util.stream.Stream.concat(Corpus.all().stream(), Corpus.development7().stream())
                .filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aTwoGigabyteCardNamedByTheReporterIsSmall() {
        // cfzd/Ultra-Fast-Lane-Detection#175, the situation as written in the corpus
        assertTrue(features(corpusCase("ultra-fast-lane-175-2gb-card").withDescription()).contains("cue:smallcard"));
    }

    @Test
    void aCardNamedByItsModelIsSmall() {
        // SYSTRAN/faster-whisper#809: a GTX 1650 (4 GB) behind the ASR web service
        assertTrue(features("The server's GPU is a GTX 1650 and the large model runs out of memory.")
                .contains("cue:smallcard"));
    }

    @Test
    void aTwentyFourGigabyteCardIsNotSmall() {
        // bghira/SimpleTuner#996: "it won't work on the 24G RTX 4090"
        Set<String> x = features(corpusCase("simpletuner-996-sdxl-full-finetune-4090").withDescription());
        assertFalse(x.contains("cue:smallcard"), x.toString());
        assertFalse(x.contains("card:small"), x.toString());
    }

    @Test
    void theMessagesCapacityUnderFourAndAHalfGibibytesIsASmallCard() {
        // MichalBusta/E2E-MLT#37: "983.69 MiB total capacity"
        assertTrue(features(corpusCase("e2e-mlt-37-1gb-gpu-cached").paste()).contains("card:small"));
        // kaito-project/kaito#976: a large card
        assertFalse(features(corpusCase("kaito-976-vllm-engine-reserved-unallocated").paste()).contains("card:small"));
    }

    @Test
    void aOneGigabyteCardTheFactsHoldIsSmallWithoutACapacityLine() {
        // weiliu89/caffe#271 (corpus_heldout13): "NVIDEA QUADRA 600 - 1gb", a Caffe check failure with no capacity
        Case c = Corpus.heldout13().stream().filter(x -> x.id().equals("ssd-caffe-271-quadro600-1gb-webcam"))
                .findFirst().orElseThrow();
        Set<String> x = features(c.paste());
        assertFalse(x.contains("cue:smallcard"), x.toString());
        assertTrue(x.contains("card:small"), x.toString());
    }
}
