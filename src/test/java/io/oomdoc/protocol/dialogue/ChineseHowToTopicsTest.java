package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A how-to asked in Chinese names its topic with words that have no spaces around them ("PyTorch 里梯度累积怎么写？");
 * the topic's Chinese keyword is found inside the unspaced text. Turns from burned sets 27 and 29; the question alone
 * is answered, so no conversation is replayed.
 */
class ChineseHowToTopicsTest {
    /** github.com/NJUNLP/GTS/issues/7 (set 27, #4): 梯度累积 is gradient accumulation, in plain PyTorch. */
    @Test
    void gradientAccumulationAskedInChineseGetsTheLoop() {
        String a = answer(Path.of("src/test/resources/conversations_heldout27"), "P33-gts-bert-batch32-11g.txt", 4);
        assertTrue(a.startsWith("gradient accumulation with plain PyTorch") && a.contains("optimizer.step()"), a);
    }

    /** github.com/fanyang587/UGTR/issues/2 (set 29, #6): 混合精度 is mixed precision, autocast in plain PyTorch. */
    @Test
    void mixedPrecisionAskedInChineseGetsAutocast() {
        String a = answer(Path.of("src/test/resources/conversations_heldout29"),
                "P24-ugtr-12g-batch-one-chinese.txt", 6);
        assertTrue(a.startsWith("mixed precision with plain PyTorch") && a.contains("torch.autocast"), a);
    }

    /** An ideographic keyword is whole inside unspaced text; a Latin one still needs its word boundaries. */
    @Test
    void anIdeographicKeywordNeedsNoSpacesButALatinOneDoes() {
        assertTrue(Topics.containsWord("pytorch 里梯度累积怎么写？", "梯度累积"));
        assertEquals(false, Topics.containsWord("a sample", "amp"));
    }

    private static String answer(Path set, String file, int index) {
        String q = Transcripts.read(set.resolve(file)).turns().get(index - 1).input();
        return KnowledgeAnswers.howTo(q, q, List.of(), Facts.EMPTY, null);
    }
}
