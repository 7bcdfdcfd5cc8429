package io.oomdoc.evidence.trace;

import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.parsers.AllocatorMessageParser;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The allocation failures of other stacks (trace/allocator-messages.tsv), each on its real report (RealPastes):
 * the message is found as a memory failure of its stack and its figures are decoded exactly.
 */
class AllocatorMessagesTest {
    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    /** The report as labelled in the corpus or a burned held-out split (RealPastes), by its case id. */
    private TraceAnalysis read(String id) { return analyzer.analyze(RealPastes.log(id)); }

    private static TraceFinding primary(TraceAnalysis a) { return a.primary().orElseThrow(); }

    @Test
    void paddleStatesRequestAndFreeInBinaryUnitsOverTwoLines() {
        TraceAnalysis a = read("paddle-26892-cannot-allocate-1-5gb-batch");
        assertEquals("paddle", primary(a).framework());
        assertEquals(1_644_167_168L, a.numbers().triedBytes());
        assertEquals(436_862_976L, a.numbers().freeBytes());
        assertEquals(0, a.numbers().gpuIndex());
    }

    @Test
    void paddleInChineseStatesRequestAllocatedAndFree() {
        TraceAnalysis a = read("cpm-generate-paddle-7-load-12gb-zh");
        assertEquals("paddle", primary(a).framework());
        assertEquals(50 * Bytes.MIB, a.numbers().triedBytes());
        assertEquals(Bytes.parse("11.999512", "GB"), a.numbers().allocatedBytes());
        assertEquals(0L, a.numbers().freeBytes());
    }

    @Test
    void directMlStatesTheTensorsBytes() {
        TraceAnalysis a = read("sdwebui-amdgpu-592-directml-cannot-allocate-tensor");
        assertEquals(FailureKind.VRAM_OOM, primary(a).kind());
        assertEquals("directml", primary(a).framework());
        assertEquals(4_915_840L, a.numbers().triedBytes());
    }

    @Test
    void theanoStatesRequestFreeAndTotal() {
        TraceAnalysis a = read("deepmask-6-theano-error-allocating-device-memory");
        assertEquals(411_041_792L, a.numbers().triedBytes());
        assertEquals(169_512_960L, a.numbers().freeBytes());
        assertEquals(2_147_483_648L, a.numbers().totalBytes());
    }

    @Test
    void megEngineStatesTheRequest() {
        assertEquals(68_719_476_736L, read("megengine-448-matmul-64gib-request-zh").numbers().triedBytes());
    }

    @Test
    void cupyStatesTheRequestNotThePoolsTotal() {
        TraceAnalysis a = read("spacenet-3-chainer-cupy-unet-forward");
        assertEquals(163_840_000L, a.numbers().triedBytes());
        assertNull(a.numbers().totalBytes(), "CuPy's total is what its pool holds, not the card");
    }

    @Test
    void cupysOwnPoolStatesTheRequestWithThousandsCommas() {
        TraceAnalysis a = analyzer.analyze(LogText.of(recorded("oom_cupy.log")));
        assertEquals(214_748_364_800L, a.numbers().triedBytes());
        assertEquals(0L, a.numbers().allocatedBytes());
        assertEquals("cupy", a.framework(), "the paths run through a PyTorch install, the error is CuPy's");
    }

    @Test
    void numbasDriverRefusalIsAMemoryFailureOfNumba() {
        TraceAnalysis a = analyzer.analyze(LogText.of(recorded("oom_numba.log")));
        assertEquals(FailureKind.VRAM_OOM, primary(a).kind());
        assertEquals("numba", a.framework());
    }

    @Test
    void cudaJlStatesRequestAndTheCardsTotal() {
        TraceAnalysis a = read("alphazero-jl-186-nnlib-workspace-4gb");
        assertEquals(153_354_240L, a.numbers().triedBytes());
        assertEquals(4_090_956_349L, a.numbers().totalBytes());
    }

    @Test
    void miopenIsALibraryBufferWithItsRequest() {
        TraceAnalysis a = read("miopen-47-memory-not-available-workspace-buffer");
        assertEquals(FailureKind.LIBRARY_WORKSPACE, primary(a).kind());
        assertEquals(655_360_000L, a.numbers().triedBytes());
    }

    @Test
    void ascendRuntimesFirstRefusalIsTheRequest() {
        TraceAnalysis a = read("helios-62-ascend-npu-video-conv2d-rtmalloc");
        assertEquals("ascend-npu", primary(a).framework());
        assertEquals(3_221_291_008L, a.numbers().triedBytes());
        assertEquals(0, a.numbers().gpuIndex());
    }

    @Test
    void jaxConstantThatCouldNotBePlaced() {
        assertEquals(50_331_648L, read("revisiting-plms-2-jax-pmap-init-constant").numbers().triedBytes());
    }

    @Test
    void mxnetsCudaCheckIsAMemoryFailure() {
        TraceFinding f = primary(read("gluon-cv-667-train-yolo-cuda-oom"));
        assertEquals(FailureKind.VRAM_OOM, f.kind());
        assertEquals("allocator-message", f.parser());
    }

    @Test
    void faissStatesTheBytesItsDeviceAllocatorAskedFor() {
        TraceAnalysis a = read("spcl-44-faiss-cudamalloc-1-5g");
        assertEquals(FailureKind.VRAM_OOM, primary(a).kind());
        assertEquals("faiss", primary(a).framework());
        assertEquals(1_610_612_736L, a.numbers().triedBytes());
    }

    @Test
    void physxsGpuAllocatorStatesItsRequest() {
        TraceAnalysis a = read("walk-these-ways-20-physx-gpu-alloc");
        assertEquals("physx", primary(a).framework());
        assertEquals(339_738_624L, a.numbers().triedBytes());
    }

    @Test
    void openClsAllocationFailureIsAMemoryFailure() {
        TraceFinding f = primary(read("primestereo-1-opencl-alloc-gtx645"));
        assertEquals(FailureKind.VRAM_OOM, f.kind());
        assertEquals("opencl", f.framework());
    }

    @Test
    void tensorFlowsUninitialisedDestinationTensorIsAMemoryFailure() {
        TraceFinding f = primary(read("deep-anpr-54-dst-tensor-variable-init"));
        assertEquals(FailureKind.VRAM_OOM, f.kind());
        assertEquals("tensorflow", f.framework());
    }

    @Test
    void jittorsOverflowStatesTheCardsTotal() {
        TraceAnalysis a = read("jittor-396-multi-gpu-overflow-nccl-abort");
        assertEquals(FailureKind.VRAM_OOM, primary(a).kind());
        assertEquals(Bytes.parse("23.65", "GB"), a.numbers().totalBytes());
    }

    /**
     * Adding a format is one row: every row of the table reads at least one real report, and reads it the same when
     * the report is buried in a log too long to keep whole (the row's marker holds a fragment of Triggers.ROWS).
     */
    // replay: every report of the corpus through every row (116 ms a run under PIT's minions); the one-report test
    // below kills the same mutants first (bench/results.md "build24"); surefire runs both
    @Test
    @Tag("replay")
    void everyRowReadsARealReportAlsoInALongLog() throws IOException {
        Set<String> read = new HashSet<>();
        AllocatorMessageParser parser = new AllocatorMessageParser();
        Map<String, String> reports = new LinkedHashMap<>();
        RealPastes.all().values().forEach(c -> reports.put(c.id() + " (" + c.source() + ")", c.paste()));
        for (String log : RECORDED) reports.put("h200/" + log, recorded(log));
        for (Map.Entry<String, String> r : reports.entrySet()) {
            LogText whole = LogText.of(r.getValue());
            List<String> formats = AllocatorMessageParser.formatsIn(whole);
            if (formats.isEmpty()) continue;
            read.addAll(formats);
            LogText cut = new LogReader().read(new ByteArrayInputStream(buried(r.getValue())));
            assertTrue(cut.truncated(), r.getKey() + ": kept whole, so it tests no cut");
            assertEquals(numbers(parser.parse(whole)), numbers(parser.parse(cut)), r.getKey());
        }
        List<String> unread = new ArrayList<>(AllocatorMessageParser.names());
        unread.removeAll(read);
        assertEquals(List.of(), unread, "rows of trace/allocator-messages.tsv that read no report");
    }

    /**
     * The long-log half of the check above on two reports, cheap enough to run for every mutant under PIT: paddle's
     * message over two lines, and a Julia report whose failures come a few lines apart, so the reader's window must
     * start empty after each kept failure.
     */
    @Test
    void twoReportsReadTheSameFiguresBuriedInALongLog() throws IOException {
        AllocatorMessageParser parser = new AllocatorMessageParser();
        Map<String, String> rowOf = Map.of("paddle-26892-cannot-allocate-1-5gb-batch", "paddle",
                "alphazero-jl-1-splittingpool-32pct-daily-oom", "cuda-jl");
        for (Map.Entry<String, String> r : rowOf.entrySet()) {
            String id = r.getKey(), paste = RealPastes.all().get(id).paste();
            LogText whole = LogText.of(paste);
            assertEquals(List.of(r.getValue()), AllocatorMessageParser.formatsIn(whole), id);
            LogText cut = new LogReader().read(new ByteArrayInputStream(buried(paste)));
            assertTrue(cut.truncated(), id + ": kept whole, so it tests no cut");
            assertEquals(numbers(parser.parse(whole)), numbers(parser.parse(cut)), id);
        }
    }

    /** Failures this project recorded on its own H200 (src/test/resources/h200/README.md), beside the threads'. */
    private static final List<String> RECORDED = List.of("oom_cupy.log");

    private static String recorded(String name) { return io.oomdoc.Fixtures.text("h200/" + name); }

    private static List<String> numbers(List<TraceFinding> findings) {
        return findings.stream().map(f -> f.kind() + " " + f.framework() + " " + f.numbers()).toList();
    }

    /** More quiet lines on each side than the reader keeps at a log's head and tail. */
    private static byte[] buried(String paste) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1_000; i++) sb.append("step ").append(i).append(" | loss 2.").append(i % 97).append('\n');
        sb.append(paste).append('\n');
        for (int i = 0; i < 1_000; i++) sb.append("step ").append(1_000 + i).append(" | lr 3e-4\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
