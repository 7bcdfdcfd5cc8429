package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** "N layers of a model on the card": their share of the weights, even with the model named in between (set 20). */
class LayersOnTheCardTest {
    /**
     * github.com/Leon-Sander/Local-Multimodal-AI-Chat/issues/24 (#3): "10 layers of a 7B Q4_K_M chat model on the
     * card" of 1.96 GiB: 10 of 32 layers is 1.23 GiB of the 3.94 GiB of weights (the Q4_K_M file's own size on a
     * 7B shape, GgufWeights; 4.24 GiB of a 4-bit NF4 base before the GGUF type was held as a fact).
     */
    @Test
    void theModelNamedBetweenTheCountAndTheCardStillCountsTheLayers() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout20"),
                "P20-local-multimodal-chat-2gb-card.txt", 3);
        assertTrue(v.output().startsWith("With 10 of 32 layers on the GPU: their share of the 3.94 GiB of weights is"
                + " 1.23 GiB on the card"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
