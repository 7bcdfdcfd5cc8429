package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A GGUF file of a model the catalog knows is sized at its quant type's bits per weight (set 8). Mistral Large 2411
 * has 122.6B parameters (its config.json, catalog/models.csv); Q8_0 stores 8.5 bits per weight, Q4_K_M about 4.85.
 */
class MistralLargeGgufTest {
    private static final Path SET = Path.of("src/test/resources/conversations_heldout8");
    private static final String THREAD = "I52-llama-cpp-kv-cache-on-cpu-with-one-gpu-layer.txt";

    /** github.com/ggml-org/llama.cpp/issues/10560 (#2): "how big is Mistral Large 2411 at Q8_0?" is about 130 GB. */
    @Test
    void theQ8FileOfMistralLargeIsAbout130Gigabytes() {
        var v = CaseFiguresTest.turn(SET, THREAD, 2);
        assertTrue(v.output().contains("130") || v.output().contains("131"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** The same thread (#4): "what if I use a Q4_K_M instead?" comes to about 74 GB of weights. */
    @Test
    void theQ4KmFileOfTheSameModelIsAbout74Gigabytes() {
        var v = CaseFiguresTest.turn(SET, THREAD, 4);
        assertTrue(v.output().contains("74"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * The same thread (#1): the paste's --ctx-size 4096 sizes the KV cache, not the 2411 of the file name
     * Mistral-Large-Instruct-2411-Q8_0.gguf.
     */
    @Test
    void theReleaseInTheFileNameIsNotTheContextLength() {
        var v = CaseFiguresTest.turn(SET, THREAD, 1);
        assertTrue(v.output().contains("4,096 tokens") && !v.output().contains("2,411"), v.output());
    }
}
