package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A serving engine's own log lines name the engine, when the user's words do not. */
class EngineLogFactsTest {
    /**
     * github.com/ollama/ollama/issues/10739: Ollama's scheduler line (layers.requested, memory.required.full) is
     * Ollama's, though the user only says "the runner dies".
     */
    @Test
    void ollamasSchedulerLineNamesOllama() {
        var v = turn("L07-ollama-llama4-scout-killed-system-ram.txt", 1);
        // the turn's own facts (framework=ollama); the cause is a close call between host RAM and other pressure
        // that a refit moves, so this test checks the engine named, not the cause
        assertTrue(v.problems().stream().noneMatch(p -> p.startsWith("fact")), v.problems() + "\n" + v.output());
        assertTrue(v.output().contains("Framework: ollama"), v.output());
    }
}
