package io.oomdoc.cli;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** /facts: each fact on its line with the turn that set it; one the code scan gave names no turn. */
class FactsViewTest {
    @Test
    void eachFactNamesTheTurnThatSetIt() {
        Facts f = Facts.builder().gpuName("GeForce RTX 3090").model("llama-3.1-8b").build();
        String text = FactsView.text(f, Map.of("gpu", 2));
        assertEquals("  gpu            GeForce RTX 3090         (turn 2)\n"
                + "  model          llama-3.1-8b             \n", text);
    }

    @Test
    void noFactYetAsksForThem() {
        assertTrue(FactsView.text(Facts.EMPTY, Map.of()).startsWith("No facts yet. Tell me the GPU"));
    }
}
