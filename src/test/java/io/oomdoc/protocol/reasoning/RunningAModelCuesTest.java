package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether a report's words say a model is being trained or run (the phase model's cues phase-training and
 * phase-inference, model/cues.tsv), on real reports: a run of a trained model fails in a forward or a generation,
 * a training report that names no moment is "unknown".
 */
class RunningAModelCuesTest {

    private static String text(List<Case> set, String id) {
        return set.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().withDescription()
                .toLowerCase(Locale.ROOT);
    }

    @Test
    void aPretrainedModelIsOneBeingRunNotOneBeingTrained() {
        // MRUIL/WDNet#9 (corpus/train15.jsonl): "When i run the test.py with the pre-trained model and one
        // watermarked image raised an error"
        assertFalse(Cues.says("phase-training", text(Corpus.all(), "wdnet-9-test-4gb-watermark")));
        assertFalse(Cues.says("phase-training", "inference with a trained model on one image"));
    }

    @Test
    void trainingWordsBesideAPretrainedModelStillSayTraining() {
        assertTrue(Cues.says("phase-training", "fine-tuning the pretrained model for three epochs"));
        assertTrue(Cues.says("phase-training", "we are pretraining a 1b model from scratch"));
        assertTrue(Cues.says("phase-training", "i trained it for a day before it crashed"));
    }

    @Test
    void upscalingAnImageIsARunOfAModel() {
        // sunny2109/SAFMN#10 (corpus_heldout20): "cant upscale over 3MPX with 12GB GPU Ram"
        assertTrue(Cues.says("phase-inference", text(Corpus.heldout20(), "safmn-10-upscale-over-3mpx-12gb")));
    }

    @Test
    void basecallingReadsIsARunOfAModel() {
        // nanoporetech/bonito#247 (corpus_heldout13): "When running bonito on GPU 0 ... basecalling is successfull"
        assertTrue(Cues.says("phase-inference", text(Corpus.heldout13(),
                "bonito-247-cuda1-empty-server-262mib-free")));
    }

    @Test
    void aDemoOrATestScriptOfItsOwnIsAModelRunOverInputs() {
        // MRUIL/WDNet#9 (corpus/train15.jsonl): the test script run on one watermarked image
        assertTrue(Cues.says("phase-offline", text(Corpus.all(), "wdnet-9-test-4gb-watermark")));
    }

    @Test
    void whatTheRunDoesToTheMediaNamesAModelRunOverInputs() {
        // deezer/spleeter#64 (corpus_heldout17): separating the stems of a long track
        assertTrue(Cues.says("phase-offline", text(Corpus.heldout17(), "spleeter-64-max-duration-202s")));
    }

    @Test
    void aTrainingRunIsNoModelRunOverInputs() {
        // a LoRA fine-tune of a 7B model on a 24 GB card (corpus): training words, no script or media task
        assertFalse(Cues.says("phase-offline", text(Corpus.all(), "lora-24gb-7b-neurips")));
    }
}
