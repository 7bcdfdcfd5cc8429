package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the engine's message names its remedy, the rung that turns that knob leads (ux14 row 13). Fixture:
 * traces/vllm-17939-sampler-warmup-runtimeerror.txt (vllm-project/vllm#17939, SOURCES.md): "CUDA out of memory
 * occurred when warming up sampler with 256 dummy requests. Please try lowering `max_num_seqs` ...".
 */
class FixLadderNamedKnobTest {
    @Test
    void vllmsSamplerWarmUpErrorLeadsWithFewerSequencesInFlight() throws Exception {
        LogText log = LogText.of(Files.readString(
                Path.of("src/test/resources/traces/vllm-17939-sampler-warmup-runtimeerror.txt")));
        Report r = EvidenceGatherer.from(log).gather().diagnose(new Diagnoser());
        String first = r.fixes().get(0).after();
        assertTrue(first.contains("max-num-seqs") || first.contains("max_num_seqs"), r.fixes().get(0).title());
    }
}
