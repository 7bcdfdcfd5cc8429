package io.oomdoc.protocol.facts;

import io.oomdoc.Fixtures;
import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Setup facts a new user's pasted log stated and oomdoc missed (ux16 routed rows, bench/results.md). The fixtures
 * are the threads' own text, sources in traces/SOURCES.md.
 */
class TracedSetupFactsTest {
    private static Facts facts(String fixture) { return FactExtractor.extract(Fixtures.text("traces/" + fixture)); }

    @Test
    void aDiffusersLoraScriptNameMakesTheRunLora() {
        // huggingface/diffusers#10994: `accelerate launch train_dreambooth_lora_flux.py`, no other LoRA word
        assertEquals(Boolean.TRUE, facts("diffusers-10994-flux-lora-batch2-80gb.txt").lora());
    }
}
