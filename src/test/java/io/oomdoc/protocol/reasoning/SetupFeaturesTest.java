package io.oomdoc.protocol.reasoning;

import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The setup's own evidence on the fixed cost against the batch (SetupFeatures), read from the facts and the budget;
 * each report is a corpus case, its thread in the case's "source".
 */
class SetupFeaturesTest {
    private static Set<String> pasteAlone(String id) {
        return RealEvidence.features(RealEvidence.ofPasteAlone(id)).values().keySet();
    }

    /** The case's paste as the log and its situation as the user's words (any trainable case). */
    private static Set<String> withWords(String id) {
        var c = RealEvidence.ofId(id);
        return RealEvidence.features(RealEvidence.gather(LogText.of(c.paste()), c.context())).values().keySet();
    }

    /** ai-forever/ru-gpts#27: "--per_gpu_train_batch_size 1" in the command that ran out. */
    @Test
    void aRunWithABatchOfOneHasNoSmallerBatchToBlame() {
        assertTrue(pasteAlone("ru-gpts-27-large-finetune-16gb-batch1").contains(SetupFeatures.BATCH_ONE));
    }

    // replay: never the first killer of a mutant under PIT (the verify at 5355c9c7), left to surefire (build21)
    /** NVIDIA-NeMo/Speech#2531: a batch of 16 long clips. */
    @Test
    @Tag("replay")
    void aLargerBatchIsNotABatchOfOne() {
        assertFalse(pasteAlone("nemo-2531-citrinet-finetune-long-audio-65s").contains(SetupFeatures.BATCH_ONE));
    }

    /** hiyouga/LlamaFactory#1221: LLaMA-7B, full fine-tuning: a model of more than 6B parameters. */
    @Test
    void aSevenBillionParameterModelIsLarge() {
        assertTrue(withWords("llamafactory-1221-llama7b-full-zero2-8xv100-adam").contains("size:large"));
    }

    /** sgl-project/sglang#5576: Gemma-3 12B served on a 16 GB card: the weights take most of it, not all. */
    @Test
    void weightsThatFillMostOfTheCardWithoutExceedingItAreNearTheCard() {
        Set<String> x = withWords("sglang-5576-gemma3-12b-bf16-on-16gb");
        assertTrue(x.contains("budget:fixed-near-card"), x.toString());
        assertFalse(x.contains("budget:fixed-exceeds-card"), x.toString());
    }

    // replay: never the first killer of a mutant under PIT (the verify at 5355c9c7), left to surefire (build21)
    /** ai-forever/ru-gpts#27: "(for batch size = 1!)" in the reporter's own words. */
    @Test
    @Tag("replay")
    void batchSizeEqualsOneInTheReportersWordsIsTheSmallBatchCue() {
        assertTrue(pasteAlone("ru-gpts-27-large-finetune-16gb-batch1").stream().anyMatch(f -> f.endsWith(
                ":smallfits")));
    }

    // replay: never the first killer of a mutant under PIT (the verify at 5355c9c7), left to surefire (build21)
    /** Edresson/Wav2Vec-Wrapper#4's situation: "batch sizes 4, 2 and 1 ... all fail". */
    @Test
    @Tag("replay")
    void aListOfBatchSizesDownToOneIsTheSmallBatchCue() {
        assertTrue(withWords("wav2vec-wrapper-4-4gb-train-only").contains("cue:smallfits"));
    }
}
