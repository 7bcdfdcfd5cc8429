package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cue growth names memory that climbs over the run, not advice to raise a setting. */
class GrowthCueTest {
    @Test
    void memoryThatClimbsToldInChineseIsGrowth() {
        // MoonshotAI/Kimi-Audio#43 (corpus_heldout11): "显存从最开始的30G一致上涨" (memory kept rising from 30G)
        Set<String> x = CueFeatures.of("在输出音频的时候，多次推理，显存从最开始的30G一致上涨，我的显存40G");
        assertTrue(x.contains("cue:growth") || x.contains("log:growth"), x.toString());
        // modelscope/ms-swift#2364's title: a LoRA fine-tune "gradually blows up the GPU memory"
        assertTrue(CueFeatures.of("lora微调qwen2.5-7b逐渐爆显存").stream().anyMatch(k -> k.endsWith(":growth")));
    }

    @Test
    void memoryThatClimbsToldInPlainEnglishIsGrowth() {
        // xinyu1205/recognize-anything#206 (corpus_heldout36, leak_held_references): the title alone
        Set<String> x = CueFeatures.of(io.oomdoc.corpus.Corpus.inTrainable("recognize-anything-206-memory-grows-title")
                .orElseThrow().paste());
        assertTrue(x.contains("cue:growth") || x.contains("log:growth"), x.toString());
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void adviceToIncreaseASettingIsNotGrowth() {
        // vLLM's KV-cache error ends with "Try increasing `gpu_memory_utilization`": a knob to raise, while nothing
        // in the report says memory climbed (BatsResearch/bonito#7, corpus_heldout6)
        Set<String> x = CueFeatures.of(CueFeatures.paste("bonito-7-vllm-32768-kv-cache-16816-a10g"));
        assertFalse(x.contains("cue:growth") || x.contains("log:growth"), x.toString());
    }
}
