package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small JAX request that fails whatever the config is the card already taken, by JAX's own preallocation or another
 * job (bench/results.md "## ux16" row 12): lucidrains/progen#3, 134217728 bytes (128 MiB) on two GeForce cards
 * (traces/SOURCES.md, prose-progen-3-jax-128-mib-two-geforce.txt).
 */
class JaxSmallRequestTest {
    @Test
    void aSmallJaxRequestIsFirstToldToStopPreallocation() throws Exception {
        LogText log = LogText.of(Files.readString(
                Path.of("src/test/resources/traces/prose-progen-3-jax-128-mib-two-geforce.txt")));
        Report r = EvidenceGatherer.from(log).gather().diagnose(new Diagnoser());
        assertTrue(r.fixes().get(0).after().contains("XLA_PYTHON_CLIENT_PREALLOCATE=false"), r.fixes().toString());
    }
}
