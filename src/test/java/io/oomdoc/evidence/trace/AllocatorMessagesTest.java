package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.parsers.AllocatorMessageParser;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The allocation failures of other stacks (trace/allocator-messages.tsv), each on its real report (traces/SOURCES.md):
 * the message is found as a memory failure of its stack and its figures are decoded exactly.
 */
class AllocatorMessagesTest {
    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    private TraceAnalysis read(String trace) { return analyzer.analyze(Fixtures.log("traces/" + trace)); }

    private static TraceFinding primary(TraceAnalysis a) { return a.primary().orElseThrow(); }

    @Test
    void paddleStatesRequestAndFreeInBinaryUnitsOverTwoLines() {
        TraceAnalysis a = read("paddle-26892-cannot-allocate-1-5gb-zh.txt");
        assertEquals("paddle", primary(a).framework());
        assertEquals(1_644_167_168L, a.numbers().triedBytes());
        assertEquals(436_862_976L, a.numbers().freeBytes());
        assertEquals(0, a.numbers().gpuIndex());
    }

    @Test
    void paddleInChineseStatesRequestAllocatedAndFree() {
        TraceAnalysis a = read("paddle-cpm-generate-7-load-12gb-zh.txt");
        assertEquals("paddle", primary(a).framework());
        assertEquals(50 * Bytes.MIB, a.numbers().triedBytes());
        assertEquals(Bytes.parse("11.999512", "GB"), a.numbers().allocatedBytes());
        assertEquals(0L, a.numbers().freeBytes());
    }

    @Test
    void directMlStatesTheTensorsBytes() {
        TraceAnalysis a = read("directml-sdwebui-amdgpu-592-4915840-bytes.txt");
        assertEquals(FailureKind.VRAM_OOM, primary(a).kind());
        assertEquals("directml", primary(a).framework());
        assertEquals(4_915_840L, a.numbers().triedBytes());
    }

    @Test
    void theanoStatesRequestFreeAndTotal() {
        TraceAnalysis a = read("theano-deepmask-6-error-allocating-device-memory.txt");
        assertEquals(411_041_792L, a.numbers().triedBytes());
        assertEquals(169_512_960L, a.numbers().freeBytes());
        assertEquals(2_147_483_648L, a.numbers().totalBytes());
    }

    @Test
    void megEngineStatesTheRequest() {
        assertEquals(68_719_476_736L, read("megengine-448-matmul-64gib-request-zh.txt").numbers().triedBytes());
    }

    @Test
    void cupyStatesTheRequestNotThePoolsTotal() {
        TraceAnalysis a = read("cupy-spacenet-3-chainer-unet-forward.txt");
        assertEquals(163_840_000L, a.numbers().triedBytes());
        assertNull(a.numbers().totalBytes(), "CuPy's total is what its pool holds, not the card");
    }

    @Test
    void cudaJlStatesRequestAndTheCardsTotal() {
        TraceAnalysis a = read("cudajl-alphazero-186-nnlib-workspace-4gb.txt");
        assertEquals(153_354_240L, a.numbers().triedBytes());
        assertEquals(4_090_956_349L, a.numbers().totalBytes());
    }

    @Test
    void miopenIsALibraryBufferWithItsRequest() {
        TraceAnalysis a = read("miopen-47-memory-not-available-buffer.txt");
        assertEquals(FailureKind.LIBRARY_WORKSPACE, primary(a).kind());
        assertEquals(655_360_000L, a.numbers().triedBytes());
    }

    @Test
    void ascendRuntimesFirstRefusalIsTheRequest() {
        TraceAnalysis a = read("ascend-helios-62-rtmalloc-conv2d.txt");
        assertEquals("ascend-npu", primary(a).framework());
        assertEquals(3_221_291_008L, a.numbers().triedBytes());
        assertEquals(0, a.numbers().gpuIndex());
    }

    @Test
    void jaxConstantThatCouldNotBePlaced() {
        assertEquals(50_331_648L, read("jax-revisiting-plms-2-pmap-new-constant.txt").numbers().triedBytes());
    }

    @Test
    void mxnetsCudaCheckIsAMemoryFailure() {
        TraceFinding f = primary(read("mxnet-gluoncv-667-mshadow-cuda-oom.txt"));
        assertEquals(FailureKind.VRAM_OOM, f.kind());
        assertEquals("allocator-message", f.parser());
    }

    @Test
    void jittorsOverflowStatesTheCardsTotal() {
        TraceAnalysis a = read("jittor-396-gpu-memory-overflow.txt");
        assertEquals(FailureKind.VRAM_OOM, primary(a).kind());
        assertEquals(Bytes.parse("23.65", "GB"), a.numbers().totalBytes());
    }

    /** Adding a format is one row: every row of the table reads at least one real report in traces/. */
    @Test
    void everyRowReadsARealReport() throws IOException {
        Set<String> read = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/traces"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                read.addAll(AllocatorMessageParser.formatsIn(LogText.of(Files.readString(p))));
            }
        }
        List<String> unread = new ArrayList<>(AllocatorMessageParser.names());
        unread.removeAll(read);
        assertEquals(List.of(), unread, "rows of trace/allocator-messages.tsv that read no report");
    }
}
