package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * How KnowledgeAnswers.howTo lays out a snippet answer: which stacks, in which order, how many, and the topic's note.
 * Questions are users' how-to turns from the conversation fixtures, each test naming its thread.
 */
class KnowledgeAnswersHowToTest {
    private final Facts none = new Conversation().facts();

    private String howTo(String question, List<String> talkedAbout) {
        return KnowledgeAnswers.howTo(question, question, talkedAbout, none, null);
    }

    private static List<String> heads(String answer) {
        return answer.lines().filter(l -> !l.startsWith(" ") && l.matches(".+ with .+:")).toList();
    }

    @Test
    void aTopicIsShownForAtMostTwoStacksTheTrainerFirst() {
        // deepspeedai/DeepSpeed#2899 (conversations/12).
        String a = howTo("how do i turn on gradient checkpointing with the hf trainer?", List.of());
        assertEquals(List.of("gradient checkpointing with HF Trainer:", "gradient checkpointing with plain PyTorch:"),
                heads(a), a);
    }

    @Test
    void aStackTheQuestionNamesComesFirst() {
        // deepseek-ai/DeepSeek-Coder#78 (conversations/10): "in the ds config" names DeepSpeed.
        String a = howTo("how do i turn on cpu offload for optimizer and params in the ds config?", List.of());
        assertEquals("cpu offload with deepspeed:", heads(a).get(0), a);
    }

    @Test
    void theTopicsNoteClosesTheAnswerWithItsKnowledgeEntry() {
        String a = howTo("how do i turn on cpu offload for optimizer and params in the ds config?", List.of());
        assertTrue(a.endsWith("activations stay on the GPU. [M10]"), a);
    }

    @Test
    void twoTopicsNamedGiveOneSnippetEachForTheSameStack() {
        String a = howTo("how do i set gradient checkpointing and bf16?", List.of());
        assertEquals(List.of("gradient checkpointing with HF Trainer:", "mixed precision with HF Trainer:"), heads(a),
                a);
    }

    @Test
    void aStackTalkedAboutBeforeComesBeforeTheDefaults() {
        String a = howTo("how do i turn on cpu offload?", List.of("accelerate"));
        assertEquals("cpu offload with accelerate:", heads(a).get(0), a);
    }
}
