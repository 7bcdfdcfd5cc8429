package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expert notes (knowledge/dialogue/notes.yaml) are one row each, and every row is reached by the search. */
class KnowledgeSearchTest {
    private static final Set<String> KB = Set.of("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11",
            "M12", "M13", "M14", "M15", "M16", "M17", "M18", "M19", "M20", "U9", "U10", "U11");

    @Test
    void everyNoteIsFoundByItsOwnTitleAndStacks() {
        List<String> unreached = new ArrayList<>();
        for (Topics.Topic note : Topics.notes()) {
            String question = note.name() + " " + note.texts().getOrDefault("stacks", "");
            String answer = KnowledgeSearch.answer(question, null, List.of()).orElse("");
            if (!answer.contains(note.name())) unreached.add(note.name());
        }
        assertTrue(unreached.isEmpty(), "notes no question reaches: " + unreached);
    }

    @Test
    void everyNotePointsAtAKnowledgeEntryAndHasText() {
        for (Topics.Topic note : Topics.notes()) {
            assertTrue(KB.contains(note.kb()), note.name() + " kb " + note.kb());
            assertTrue(note.texts().getOrDefault("text", "").length() > 80, note.name());
        }
    }

    @Test
    void aNoteAboutAnotherEngineGivesWayToOneAboutTheEngineHeld() {
        Facts ollama = Facts.builder().framework("ollama").build();
        String a = KnowledgeSearch.answer("what does offloaded 3/62 layers to GPU mean for me", null,
                KnowledgeAnswers.engines(ollama, null)).orElse("");
        assertTrue(a.toLowerCase().contains("layer"), a);
        assertTrue(!a.contains("vllm"), a);
    }
}
