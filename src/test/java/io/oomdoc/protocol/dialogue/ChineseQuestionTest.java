package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question asked in Chinese is read by its question words (dialogue/chinese-questions.tsv). The turns are the
 * follow-ups of conversation set 29's writer, each from the fixture named beside it (src/test/resources/
 * conversations_heldout29/), asked after the real thread's report; the labels are the fixtures'.
 */
class ChineseQuestionTest {
    private final IntentClassifier rules = new IntentClassifier();

    private Intent afterAFailure(String turn) {
        return rules.classify(new IntentClassifier.Signals(turn, false, false, false, false, false, true, true, false,
                false));
    }

    /** P30-viteraser-2x4090-batch-8-chinese.txt turn 3: a condition closed by 呢 proposes a change. */
    @Test
    void aConditionClosedByTheParticleIsAWhatIf() {
        assertEquals(Intent.WHAT_IF,
                afterAFailure("如果把 swin_enc_use_checkpoint 和 swin_dec_use_checkpoint 都打开呢？"));
    }

    /** P30 turn 5: 怎么 asks how. */
    @Test
    void howIsAHowTo() {
        assertEquals(Intent.HOW_TO, afterAFailure("命令行怎么改？"));
    }

    /** P07-open-llama-fp32-half-chinese.txt turn 1: the least memory the demo needs is a fit question. */
    @Test
    void howMuchMemoryItNeedsIsAFitQuestion() {
        assertEquals(Intent.FIT, ChineseQuestion.of("目前给的demo最少需要多少显存？"));
    }

    /** P07 turn 3: how many parameters the model has is explained. */
    @Test
    void howManyParametersIsExplained() {
        assertEquals(Intent.EXPLAIN, afterAFailure("那这个模型大概多少参数？"));
    }

    /** P24-ugtr-12g-batch-one-chinese.txt turn 2: a typo put right is a correction. */
    @Test
    void aTypoPutRightIsACorrection() {
        assertEquals(Intent.CORRECTION, ChineseQuestion.of("更正一下：显卡是 12G，不是 1G，打错了。"));
    }

    @Test
    void aTurnWithoutHanCharactersIsNotRead() {
        assertNull(ChineseQuestion.of("how do I change the command line?"));
    }

    @Test
    void everyRowNamesAnIntentAndEveryKindOfQuestionHasARow() {
        Set<Intent> named = EnumSet.noneOf(Intent.class);
        for (ChineseQuestion.Row r : ChineseQuestion.rows()) named.add(r.intent());
        assertTrue(named.containsAll(EnumSet.of(Intent.CORRECTION, Intent.FIT, Intent.WHAT_IF, Intent.HOW_TO,
                Intent.EXPLAIN)), named.toString());
    }
}
