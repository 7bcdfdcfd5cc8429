package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * vLLM's advice "Try increasing `gpu_memory_utilization`" is no memory that climbs, and its max_model_len is no s x s
 * attention matrix (paged attention keeps none), on the real error of QwenLM/Qwen3#295 (traces/SOURCES.md).
 */
class AdviceIsNotGrowthTest {
    private static final Evidence VLLM = new Diagnoser().evidence(LogText.of(Fixtures.text(
            "traces/vllm-qwen3-295-max-model-len-7344.txt")), null, Facts.EMPTY, null, null, null, new ArrayList<>());

    private static String fired(String signal) {
        return Signals.ALL.stream().filter(s -> s.name().equals(signal)).findFirst().orElseThrow().test().apply(VLLM);
    }

    @Test
    void theEnginesAdviceToIncreaseASettingIsNoGrowth() {
        assertNull(fired("growth words"));
    }

    @Test
    void theServedContextLengthIsNoAttentionMatrix() {
        assertNull(fired("long sequence"));
    }

    @Test
    void theEngineAndItsCacheAreStillNamed() {
        assertNotNull(fired("kv words"));
    }
}
