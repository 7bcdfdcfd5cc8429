package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A statement's card and model names do not choose the knowledge passage that answers it: a passage that shares only
 * those names is about something else. Real turn: conversations_heldout (readable half) H27, written from
 * github.com/microsoft/RepPoints/issues/18 (a Docker shared-memory bus error on a 128 GB host with an RTX 2080 Ti).
 */
class NamesAsideTest {
    private static final String H27 = "the host is ubuntu 18.04 with 128 GB of RAM and an RTX 2080 Ti. how is 128gb "
            + "insufficient";

    @Test
    void aCardNamedInAStatementDoesNotPickABenchmarkRunOnThatCard() {
        var answer = KnowledgeSearch.answer(H27, null).orElse("");
        assertFalse(answer.contains("faster-whisper"), answer);
    }

    @Test
    void theNamesAreBlankedAndTheOtherWordsKept() {
        String words = NamesAside.of(H27);
        assertFalse(words.toLowerCase(java.util.Locale.ROOT).contains("2080"), words);
        assertTrue(words.contains("128 GB of RAM") && words.contains("insufficient"), words);
    }

    @Test
    void aQuestionKeepsItsNames() {
        String asked = "why does the RTX 2080 Ti run out?";
        assertEquals(asked, NamesAside.of(asked));
    }
}
