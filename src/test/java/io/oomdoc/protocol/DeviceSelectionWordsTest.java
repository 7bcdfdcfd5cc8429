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
    // The signal's own sentence, not the report's: which four features a report shows moves with every refit.
    @Test
    void aDeviceChosenOnTheCommandLineIsNamedNotCalledAFailureAtSetup() throws Exception {
        Evidence e = new Diagnoser().evidence(LogText.of(Files.readString(
                Path.of("src/test/resources/traces/swift-411-mistral-7b-full-adamw-step.txt"))), null, Facts.EMPTY,
                null, null, null, new java.util.ArrayList<>());
        String said = Signals.ALL.stream().filter(s -> s.name().equals("context words")).findFirst().orElseThrow()
                .test().apply(e);
        assertFalse(said.contains("failed while setting up"), said);
        assertTrue(said.contains("names device selection"), said);
    }
}
