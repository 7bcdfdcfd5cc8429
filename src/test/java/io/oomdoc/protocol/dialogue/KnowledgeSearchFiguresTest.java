package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A number in a question is a figure of the user's run, not its subject: the passage quoted is chosen by the words.
 * Turns from src/test/resources/conversations_heldout24 (burned, development data).
 */
class KnowledgeSearchFiguresTest {
    @Test
    void numbersSharedWithANoteOnAnotherModelDoNotBringItIn() {
        // P43-unianimate-dit-480p-47gb.txt turn 2: a Whisper note was quoted for matching "6", "10" and "9"
        String a = KnowledgeSearch.answer("what does num_persistent_param_in_dit = 6 * 10 ** 9 do?", null)
                .orElse("").toLowerCase(Locale.ROOT);
        assertFalse(a.contains("whisper"), a);
    }

    @Test
    void thePassageQuotedFirstSharesAWordWithTheQuestion() {
        // the same turn: the fix ladder matched only "6" and "10"; ZeRO-3's persistent parameters match its words
        String a = KnowledgeSearch.answer("what does num_persistent_param_in_dit = 6 * 10 ** 9 do?", null)
                .orElse("");
        assertTrue(a.lines().findFirst().orElse("").contains("stage3"), a);
    }

    @Test
    void aQuestionThatNamesTheModelStillGetsItsNote() {
        String a = KnowledgeSearch.answer("how much VRAM does whisper large-v3 need, 10 GB?", null)
                .orElse("").toLowerCase(Locale.ROOT);
        assertTrue(a.contains("whisper"), a);
    }

}
