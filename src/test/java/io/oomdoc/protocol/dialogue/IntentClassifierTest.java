package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules' intent for one turn, given what the conversation knows. Each turn is a user's line from a development
 * conversation (src/test/resources/conversations, source in each file's header), and the intent expected is the one
 * that file labels it with.
 */
class IntentClassifierTest {
    private final IntentClassifier rules = new IntentClassifier();

    /** The turn alone: nothing pasted, nothing held, nothing asked. */
    private static IntentClassifier.Signals plain(String text) {
        return new IntentClassifier.Signals(text, false, false, false, false, false, false, false, false, false);
    }

    /** The turn with a failure held from earlier turns. */
    private static IntentClassifier.Signals afterFailure(String text) {
        return new IntentClassifier.Signals(text, false, false, false, false, false, true, false, false, false);
    }

    /** The turn after oomdoc asked for a fact; {@code asserts}: the turn states one. */
    private static IntentClassifier.Signals answering(String text, boolean asserts) {
        return new IntentClassifier.Signals(text, false, false, asserts, false, true, true, false, false, false);
    }

    /** 03-vllm-3090-max-model-len (vllm-project/vllm#10517): a pasted start-up failure. */
    @Test
    void aPastedFailureIsANewFailure() {
        var s = new IntentClassifier.Signals("vllm on a 3090 with meta-llama/Llama-3.1-8B-Instruct, --max-model-len"
                + " 29000 fails:", true, true, false, false, false, false, false, false, false);
        assertEquals(Intent.NEW_FAILURE, rules.classify(s));
    }

    /** 02-nanochat-one-4090 (karpathy/nanochat#157). */
    @Test
    void aGreetingIsSmallTalk() {
        assertEquals(Intent.SMALL_TALK, rules.classify(plain("hello")));
    }

    /** conversations_heldout20/P34 (whisperx, a FastAPI server): a capacity asked of the card is a fit question. */
    @Test
    void howManyJobsCanRunAtOnceIsAFitQuestion() {
        assertEquals(Intent.FIT, rules.classify(plain("each job with large-v3 in float16 plus alignment takes about"
                + " 4.6 GB on my 24 GB card. how many jobs can run at once?")));
    }

    /** conversations_heldout22/P02 (LangChain batch on a T4): asking how to cap the count is a how-to, not a fit. */
    @Test
    void howToCapHowManyRunAtOnceIsAHowTo() {
        assertEquals(Intent.HOW_TO, rules.classify(plain("how do I cap how many run at once in LangChain's batch?")));
    }

    /** 04-vllm-7b-uses-70gb (vllm-project/vllm#17891): the user reports that the fix worked. */
    @Test
    void thanksForAFixThatWorkedIsSmallTalk() {
        assertEquals(Intent.SMALL_TALK, rules.classify(afterFailure(
                "max_model_len=2048 with gpu_memory_utilization=0.25 did it, thanks")));
    }

    /** 15-litgpt-llama2-7b-lora-3090 (Lightning-AI/litgpt#553): the sequence length oomdoc asked for. */
    @Test
    void aBareNumberAfterAQuestionAnswersIt() {
        assertEquals(Intent.ANSWER, rules.classify(answering("2048", false)));
    }

    /** 04-vllm-7b-uses-70gb: the card's memory, asked for. */
    @Test
    void aShortStatementAfterAQuestionAnswersIt() {
        assertEquals(Intent.ANSWER, rules.classify(answering("it's an 80gb card", true)));
    }

    /** 15-litgpt-llama2-7b-lora-3090: the precision said earlier was wrong. */
    @Test
    void aStatementThatTakesBackAnEarlierOneIsACorrection() {
        var s = new IntentClassifier.Signals("no, bf16. i pass --precision \"bf16-true\"", false, false, true, false,
                false, true, false, false, false);
        assertEquals(Intent.CORRECTION, rules.classify(s));
    }

    /** 03-vllm-3090-max-model-len. */
    @Test
    void howDoISetItIsAHowTo() {
        assertEquals(Intent.HOW_TO, rules.classify(afterFailure("how do i set it when i launch vllm serve?")));
    }

    /** 03-vllm-3090-max-model-len. */
    @Test
    void whatDoesAPhraseMeanIsAnExplanation() {
        assertEquals(Intent.EXPLAIN, rules.classify(afterFailure("what does \"maximum concurrency 0.82x\" mean")));
    }

    /** 15-litgpt-llama2-7b-lora-3090. */
    @Test
    void whichMicroBatchFitsIsAFitQuestion() {
        assertEquals(Intent.FIT, rules.classify(afterFailure("what micro batch fits a 7b lora on my 3090?")));
    }

    /** 15-litgpt-llama2-7b-lora-3090: with a failure held, "what if" still proposes a change. */
    @Test
    void anExplicitWhatIfStaysAWhatIfWithAFailureHeld() {
        var s = new IntentClassifier.Signals("what if i use qlora r=16?", false, false, false, true, false, true,
                false, false, false);
        assertEquals(Intent.WHAT_IF, rules.classify(s));
    }

    /** 03-vllm-3090-max-model-len: a "why" about what this run did. */
    @Test
    void aWhyAboutThisRunIsAFollowUp() {
        assertEquals(Intent.FOLLOW_UP, rules.classify(afterFailure(
                "weird thing is 20k and 35k both start fine, only 29k breaks. why?")));
    }

    @Test
    void anEmptyTurnIsSmallTalk() {
        assertEquals(Intent.SMALL_TALK, rules.classify(plain("   ")));
    }

    /** 02-nanochat-one-4090: a change proposed, not a state told. */
    @Test
    void aWhatIfProposesAChange() {
        assertTrue(IntentClassifier.proposes("what if i drop to depth 12 just to learn the pipeline?"));
        assertFalse(IntentClassifier.proposes("it's running with batch 4 but says about 3 days total."));
    }
}
