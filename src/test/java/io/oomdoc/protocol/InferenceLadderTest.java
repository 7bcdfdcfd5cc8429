package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An out-of-memory at inference gets inference's rungs and check, not training's (bench/results.md "## ux16"
 * row 7): innnky/so-vits-svc#81, "我在推理的时候报了" (it failed during inference) with one 11.15 GiB
 * request; the reply that solved it cut the audio into pieces (traces/SOURCES.md,
 * sovits-81-inference-11-gib-zh.txt).
 */
class InferenceLadderTest {
    private static Report sovits() throws Exception {
        LogText log = LogText.of(Files.readString(
                Path.of("src/test/resources/traces/sovits-81-inference-11-gib-zh.txt")));
        return EvidenceGatherer.from(log).gather().diagnose(new Diagnoser());
    }

    @Test
    void anInferenceFailureIsToldToCutItsInputIntoPieces() throws Exception {
        Report r = sovits();
        assertTrue(r.fixes().stream().anyMatch(f -> f.title().startsWith("Cut a long input into pieces")),
                r.fixes().toString());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void anInferenceFailureGetsNoGradientAccumulationNorTrainingArguments() throws Exception {
        Report r = sovits();
        assertTrue(r.fixes().stream().noneMatch(f -> f.after().contains("accumulat")
                || f.after().contains("TrainingArguments")), r.fixes().toString());
    }

    @Test
    void anInferenceFailureIsVerifiedOnOneInferenceCallNotALossCurve() throws Exception {
        String v = sovits().sections().verification();
        assertFalse(v.contains("loss curve"), v);
        assertTrue(v.contains("one inference call"), v);
    }
}
