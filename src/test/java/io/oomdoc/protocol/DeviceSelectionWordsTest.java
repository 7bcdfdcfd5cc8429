package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An evidence line says what the words are, not more: modelscope/ms-swift#411 (traces/SOURCES.md) launches with
 * `CUDA_VISIBLE_DEVICES=0 swift sft ...` and fails in AdamW's step, yet its report listed "it failed while setting up
 * CUDA or the process group" among the reasons: a device chosen on the command line is no failure at setup.
 */
class DeviceSelectionWordsTest {
    @Test
    void aDeviceChosenOnTheCommandLineIsNamedNotCalledAFailureAtSetup() throws Exception {
        Report r = EvidenceGatherer.from(LogText.of(Files.readString(
                Path.of("src/test/resources/traces/swift-411-mistral-7b-full-adamw-step.txt")))).gather()
                .diagnose(new Diagnoser());
        String evidence = r.hypotheses().stream().flatMap(h -> h.evidence().stream()).toList().toString();
        assertFalse(evidence.contains("failed while setting up"), evidence);
        assertTrue(evidence.contains("names device selection"), evidence);
    }
}
