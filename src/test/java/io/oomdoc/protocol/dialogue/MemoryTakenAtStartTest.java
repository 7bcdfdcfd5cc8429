package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * A card shown almost full right after start is a framework's up-front pool (TensorFlow, JAX), not PyTorch's cache
 * (knowledge/dialogue/glossary.yaml, term "memory taken at start"). Played through the engine as its conversation goes.
 */
class MemoryTakenAtStartTest {
    private static final Path SET29 = Path.of("src/test/resources/conversations_heldout29");

    /** github.com/oulutan/ACAM_Demo/issues/19: nvidia-smi shows almost all 11 GB right after the demo starts. */
    @Test
    void aCardFullRightAfterStartIsTheFrameworksPoolNotTheModel() {
        holdsSaying(SET29, "P18-acam-demo-1080ti-tensorflow.txt", 2, "set_memory_growth");
    }
}
