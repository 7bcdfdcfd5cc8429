package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Memory that climbs over generations, requests or hours of serving, or that runs out late and never at the start,
 * is the growth phase (lexicon/facts.tsv), ahead of the generation it happens during. The turns are real users' own,
 * from the burned conversation sets 20 and 21 (the fixture and its thread named on each test).
 */
class GrowthOverGenerationsTest {
    private static String phase(String turn) { return FactReader.read(turn).asserted().phaseHint(); }

    // conversations_heldout21/P20-pulid-colab-t4-ram-after-generations.txt #1 (camenduru/PuLID-jupyter#4)
    @Test
    void memoryFullAfterAFewGenerationsIsGrowth() {
        assertEquals("growth", phase("the PuLID SDXL notebook runs fine on a free Colab T4, but after 4-5 generations "
                + "in the gradio app the RAM saturates and it runs out of memory. only restarting the cell frees it."));
    }

    // conversations_heldout21/P19-llama-stack-8b-l4-memory-climbs.txt #1 (ogx-ai/ogx#1474)
    @Test
    void memoryHigherAfterAnHourOfServingIsGrowth() {
        assertEquals("growth", phase("serving meta-llama/Llama-3.1-8B-Instruct with llama stack run "
                + "(meta-reference-gpu provider) on L4 GPUs. at start it takes 17 GB of GPU memory; after an hour of "
                + "chat_completion calls it is at 28 GB. I don't use agents or sessions."));
    }

    // conversations_heldout20/P18-gsdf-4090-oom-at-22000.txt #1 (city-super/GSDF#27)
    @Test
    void anOomLateInTrainingAndNeverAtTheStartIsGrowth() {
        assertEquals("growth", phase("training GSDF (Gaussian splatting plus an SDF branch) on the DTU dataset. my RTX "
                + "4090 with 24 GB keeps running out of memory at around iteration 22000, never at the start."));
    }
}
