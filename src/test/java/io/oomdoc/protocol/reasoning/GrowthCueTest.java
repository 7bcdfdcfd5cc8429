package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** The cue growth names memory that climbs over the run, not advice to raise a setting. */
class GrowthCueTest {
    @Test
    void adviceToIncreaseASettingIsNotGrowth() {
        // vLLM's KV-cache error ends with "Try increasing `gpu_memory_utilization`": a knob to raise, while nothing
        // in the report says memory climbed (BatsResearch/bonito#7, corpus_heldout6)
        Set<String> x = CueFeatures.of(CueFeatures.paste("bonito-7-vllm-32768-kv-cache-16816-a10g"));
        assertFalse(x.contains("cue:growth") || x.contains("log:growth"), x.toString());
    }
}
