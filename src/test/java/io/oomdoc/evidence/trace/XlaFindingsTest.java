package io.oomdoc.evidence.trace;

import io.oomdoc.evidence.trace.parsers.JaxXlaParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the XLA parser reads from a real RESOURCE_EXHAUSTED report (RealPastes names each thread): the request, the
 * card when the message names a device, and whose runtime it is, which decides the knob (XLA_PYTHON_CLIENT_* for JAX,
 * memory growth for TensorFlow).
 */
class XlaFindingsTest {
    private static TraceFinding first(String id) {
        return new JaxXlaParser().parse(RealPastes.log(id)).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no XLA failure in " + id));
    }

    /** ecmwf-lab/ai-models-graphcast#18: PJRT's "on device ordinal 0" request with its exact bytes. */
    @Test
    void pjrtsRequestNamesItsBytesAndTheDevice() {
        TraceFinding f = first("aimodelsgraphcast-18-jax-025deg-forecast");
        assertEquals(3206250496L, f.numbers().triedBytes());
        assertEquals(0, f.numbers().gpuIndex());
        assertEquals("jax", f.framework());
    }

    /** google/neural-tangents#166: a 50,000-squared kernel under JAX on a TensorFlow-importing stack. */
    @Test
    void aJaxKernelRequestIsTenGigabytes() {
        assertEquals(10000000000L, first("neuraltangents-166-ntk-50000-squared-kernel").numbers().triedBytes());
    }

    /**
     * EnzymeAD/Enzyme-JAX#2422: XLA:TPU's compile-time "Used 215.17G of 31.25G hbm" states the chip's memory; the
     * allocator stats above it print "Limit: 31.246 GiB", which is not a byte count (it was read as a 31-byte card).
     */
    @Test
    void tpuCompileRefusalStatesTheChipsMemory() {
        assertEquals(33_554_432_000L, first("enzyme-jax-2422-tpu-compile-hbm-215g").numbers().totalBytes());
    }

    /** The same report without its compile-time line: "Limit: 31.246 GiB" alone is no byte count, so no total. */
    @Test
    void allocatorStatsInGibibytesAreNotReadAsBytes() {
        String paste = RealPastes.paste("enzyme-jax-2422-tpu-compile-hbm-215g").replaceAll("Used [^\\n]*hbm", "");
        TraceFinding f = new JaxXlaParser().parse(LogText.of(paste)).stream().findFirst().orElseThrow();
        assertNull(f.numbers().totalBytes());
    }
}
