package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The word block's tokeniser (protocol/reasoning/Words) on the words of real corpus reports; each case's source is
 * its "source" field (TensorSpeech/TensorFlowTTS#625, PaddlePaddle/PaddleScience#1195, facebookresearch/ParlAI#4452).
 */
class WordsTest {
    /** "Training Tacotron 2 ... on an 11 GB GPU with no other processes; batch size 16 runs out of memory, ..." */
    private static final String EXCLUSIVE_CARD = "tensorflowtts-625-tacotron-bs16-oom-bs8-5gb";
    private static final String PARLAI = "parlai-4452-t5-11b-fake-backward-21gib";

    @Test
    void sizesBecomeAClassAndNoDigitsAreLeft() {
        Set<String> t = Words.tokens(RealEvidence.ofId(EXCLUSIVE_CARD).context());
        assertTrue(t.containsAll(Set.of("#size-8-32g", "#size-1-8g", "#n2", "#n1")), t.toString());
        assertTrue(t.stream().noneMatch(w -> w.matches(".*\\d.*") && !w.startsWith("#")), t.toString());
    }

    @Test
    void eachSizeFallsInItsClass() {
        // kaito-project/kaito#976 "a 546 MiB request ... on a 16 GB GPU"; NVIDIA/TensorRT-LLM#5872 "8x H200 141GB";
        // facebookresearch/ParlAI#4452 "on 80 GB A100s"; taggui#188 "on a 4 GB GPU"
        assertTrue(Words.tokens(RealEvidence.ofId("kaito-976-vllm-engine-reserved-unallocated").context())
                .containsAll(Set.of("#size-under-1g", "#size-8-32g")));
        assertTrue(Words.tokens(RealEvidence.ofId("trtllm-5872-qwen3-235b-fp8-tp8-kv-cache-component").context())
                .contains("#size-over-128g"));
        assertTrue(Words.tokens(RealEvidence.ofId(PARLAI).context()).contains("#size-32-128g"));
        assertTrue(Words.tokens(RealEvidence.ofId("taggui-188-expandable-segments-needed-4gb").context())
                .contains("#size-1-8g"));
    }

    @Test
    void aSizeOnABoundaryFallsInTheClassAboveIt() {
        // LISTatSNU/FastMRI_challenge#238 "an 8 GB GPU ... about 6 GB"; juglab/EmbedSeg#8 "on a 32 GB V100"
        assertTrue(Words.tokens(RealEvidence.ofId("fastmri-238-zombie-process-on-shared-node").context())
                .containsAll(Set.of("#size-8-32g", "#size-1-8g")));
        assertTrue(Words.tokens(RealEvidence.ofId("embedseg-8-3d-crops-batch1-32gb").context())
                .contains("#size-32-128g"));
    }

    @Test
    void aFourDigitNumberAndALoneLetterAfterDigits() {
        // flexflow/flexflow-train#51: "two 11 GB RTX 2080 Ti cards"; karpathy/nanoGPT#391: "7B" leaves a lone "b"
        assertTrue(Words.tokens(RealEvidence.ofId("flexflow-51-cudnn-not-initialized-fsize").context())
                .contains("#n3-4"));
        Set<String> t = Words.tokens(RealEvidence.ofId("nanogpt-391-llama2c-7b-dims-a100-40gb-backward").context());
        assertTrue(t.contains("#n1") && !t.contains("b"), t.toString());
    }

    @Test
    void plainNumbersFallInAClassOfTheirDigits() {
        // NVIDIA/TensorRT-LLM#5950: "max_num_tokens 32768, batch 128 ...; 1.0.0rc1 starts, 1.0.0rc2 fails"
        Set<String> t = Words.tokens(RealEvidence.ofId("trtllm-5950-dsv3-w4fp8-additional-executor-resources")
                .context());
        assertTrue(t.containsAll(Set.of("#n1", "#n3-4", "#n5+", "#decimal")), t.toString());
    }

    @Test
    void negationIsLeftToTheCuesTheTokensKeepTheWordAndDropTheNegation() {
        Set<String> t = Words.tokens(RealEvidence.ofId(EXCLUSIVE_CARD).context());
        assertTrue(t.contains("processes"), t.toString());
        assertFalse(t.contains("no") || t.contains("other"), t.toString());
    }

    @Test
    void chineseTextIsReadOneCharacterAtATime() {
        // "后台训练的进程被kill后，仍然占用GPU内存": the memory stays occupied after the kill
        Set<String> t = Words.tokens(RealEvidence.ofId("paddlescience-1195-killed-training-keeps-vram-zh").paste());
        assertTrue(t.containsAll(Set.of("内", "存", "kill", "gpu")), t.toString());
    }

    @Test
    void theProseAndTheLogLinesGiveTokensUnderTheirOwnPrefix() {
        var x = RealEvidence.features(RealEvidence.ofCase(PARLAI)).values();
        // "Fine-tuning T5-11B in ParlAI on 80 GB A100s" is prose; "loss.backward()" is a line of the traceback
        assertTrue(x.containsKey("w:parlai") && !x.containsKey("lw:a100s"), x.keySet().toString());
        assertTrue(x.containsKey("lw:run_backward") && !x.containsKey("w:run_backward"), x.keySet().toString());
    }

    @Test
    void aWordFeatureCarriesNoSentence() {
        var x = RealEvidence.features(RealEvidence.ofCase(PARLAI));
        assertTrue(x.reasons().keySet().stream().noneMatch(Vocabulary::isWord), x.reasons().toString());
    }
}
