package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arithmetic asked about a log's numbers (llama-cpp-python and Ollama threads). */
class FiguresTest {
    @Test
    void aByteCountIsShownInMebibytes() {
        String s = Figures.of("is 150995968 the same thing as the 144 MiB?");
        assertTrue(s.contains("= 144 MiB"), s);
    }

    @Test
    void whatIsLeftOfTheCardIsTheDifference() {
        String s = Figures.of("45460 MiB on a 48 GB card, what is left for the context?");
        assertTrue(s.contains("3692 MiB"), s);
    }

    @Test
    void aQuestionWithoutFiguresGetsNone() {
        assertNull(Figures.of("why is reserved so much bigger than allocated?"));
    }
}
