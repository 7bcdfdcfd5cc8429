package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** How-to questions: which topic a question is about, and which stack's snippet answers it. */
class HowToTest {
    private final Conversation c = new Conversation();

    /** vllm-project/vllm discussions: a model too big for one card, then the setting for what was just discussed. */
    @Test
    void aQuestionForTheFlagOfThatIsAboutTheTopicTalkedAbout() {
        c.respond("serving mixtral-8x7b with vllm on one A100 80GB runs out of memory");
        c.respond("what if i split it across 2 gpus with tensor parallel");
        Answer a = c.respond("what's the flag for that");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("--tensor-parallel-size"), a.text());
    }

    @Test
    void aPronounPointsBackOnlyWhenTheQuestionNamesNothingElse() {
        assertTrue(KnowledgeAnswers.pointsBack("which setting caps that"));
        assertTrue(KnowledgeAnswers.pointsBack("how do I set it when I launch vllm serve?"));
        assertFalse(KnowledgeAnswers.pointsBack("how do i load it in 16-bit with from_pretrained"));
        assertFalse(KnowledgeAnswers.pointsBack("how do i avoid it"));
    }

    /** huggingface/text-generation-inference: the launcher's prefill cap. */
    @Test
    void aServingEnginesTokenCapsHaveTheirFlags() {
        Answer a = c.respond("how do I cap the prefill tokens on the tgi launcher");
        assertTrue(a.text().contains("--max-batch-prefill-tokens"), a.text());
        assertTrue(a.text().contains("--max-batch-total-tokens"), a.text());
    }

    /** A stack named in the question beats the one held: PEFT's models are Hugging Face models. */
    @Test
    void peftIsTheHuggingFaceStack() {
        c.respond("fine-tuning mistral-7b in my own pytorch training loop, CUDA out of memory at batch 1");
        Answer a = c.respond("gradient checkpointing with peft, how do i switch it on");
        assertTrue(a.text().startsWith("gradient checkpointing with HF Trainer"), a.text());
    }
}
