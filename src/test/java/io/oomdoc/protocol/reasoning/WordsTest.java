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
