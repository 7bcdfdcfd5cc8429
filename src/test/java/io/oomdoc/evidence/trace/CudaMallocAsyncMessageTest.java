package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The cudaMallocAsync / memory-fraction message, as printed by PyTorch and as quoted by TGI on one line. */
class CudaMallocAsyncMessageTest {
    private static final long MIB = 1L << 20, GIB = 1L << 30;

    @Test
    void theAllocatorLimitMessageGivesRequestLimitAllocatedAndFree() {
        var n = new TraceAnalyzer().analyze(Fixtures.log("traces/rwkv-cudamallocasync.txt")).numbers();
        assertEquals(Math.round(31.27 * MIB), n.triedBytes());
        assertEquals(Math.round(22.13 * GIB), n.totalBytes());
        assertEquals(Math.round(16.66 * GIB), n.allocatedBytes());
        assertEquals(Math.round(4.62 * MIB), n.freeBytes());
    }

    @Test
    void escapedNewlinesInALauncherLogAreRead() {
        var a = new TraceAnalyzer().analyze(Fixtures.log("traces/tgi-warmup-async-escaped.txt"));
        assertEquals("pytorch-async", a.primary().orElseThrow().parser());
        assertEquals(Math.round(4.83 * GIB), a.numbers().triedBytes());
        assertEquals(Math.round(22.20 * GIB), a.numbers().totalBytes());
    }
}
