package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PyTorchMessageTest {
    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    private OomNumbers numbers(String text) {
        return analyzer.analyze(LogText.of(text)).numbers();
    }

    @Test
    void decodesThe1xMessageWithCachedInsteadOfReserved() {
        OomNumbers n = analyzer.analyze(Fixtures.log("traces/segtoolbox-backward-1x-cached.txt")).numbers();
        assertEquals(Math.round(86.00 * Bytes.MIB), n.triedBytes());
        assertEquals(3, n.gpuIndex());
        assertEquals(Math.round(11.75 * Bytes.GIB), n.totalBytes());
        assertEquals(Math.round(10.05 * Bytes.GIB), n.allocatedBytes());
        assertEquals(Math.round(85.81 * Bytes.MIB), n.freeBytes());
        assertEquals(Math.round(588.65 * Bytes.MIB), n.reservedUnallocatedBytes(), "old messages' 'cached' is the unused part of the cache");
        assertEquals(n.allocatedBytes() + n.reservedUnallocatedBytes(), n.reservedBytes());
    }

    @Test
    void decodesThe2xMessageWithThisProcessLine() {
        OomNumbers n = analyzer.analyze(Fixtures.log("traces/visfly-backward-2x.txt")).numbers();
        assertEquals(Math.round(244.00 * Bytes.MIB), n.triedBytes());
        assertEquals(Math.round(7.73 * Bytes.GIB), n.totalBytes());
        assertEquals(Math.round(228.50 * Bytes.MIB), n.freeBytes());
        assertEquals(Math.round(6.59 * Bytes.GIB), n.processInUseBytes());
        assertEquals(Math.round(5.90 * Bytes.GIB), n.allocatedBytes());
        assertEquals(Math.round(469.82 * Bytes.MIB), n.reservedUnallocatedBytes());
        assertEquals(n.allocatedBytes() + n.reservedUnallocatedBytes(), n.reservedBytes(), "reserved = allocated + unallocated");
    }

    @Test
    void eachRanksMessageListsOnlyTheProcessOnItsOwnCard() {
        // vllm#15105: rank 1's message (GPU 1, process 133288) is followed on the next line by rank 0's (GPU 0)
        OomNumbers n = numbers(Fixtures.text("traces/vllm-15105-two-ranks-sampler-1-74gib.txt"));
        assertEquals(1, n.gpuIndex());
        assertEquals(1, n.processes().size(), "rank 0's process is on GPU 0, not on this card");
        assertEquals(133288, n.processes().get(0).pid());
    }

    @Test
    void aCardWrittenWithoutASpaceIsStillNamed() {
        // s1#106: "GPU7 has a total capacity of 139.72 GiB"
        OomNumbers n = numbers(Fixtures.text("traces/s1-106-rank7-cross-entropy-h200.txt"));
        assertEquals(7, n.gpuIndex());
        assertEquals(Math.round(139.72 * Bytes.GIB), n.totalBytes());
    }

    @Test
    void readsEveryProcessLineOfA2xMessage() {
        OomNumbers n = numbers("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB. GPU 0 has a total capacity of 23.65 GiB "
                + "of which 5.06 MiB is free. Process 1139 has 12.00 GiB memory in use. Process 2210 has 11.62 GiB memory in use. "
                + "Of the allocated memory 11.2 GiB is allocated by PyTorch, and 100.00 MiB is reserved by PyTorch but unallocated.");
        assertEquals(2, n.processes().size());
        assertEquals(1139, n.processes().get(0).pid());
        assertEquals(Math.round(11.62 * Bytes.GIB), n.processes().get(1).bytes());
    }

    @Test
    void readsZeroBytesFreeAndTheCapacityTypo() {
        OomNumbers n = numbers("torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.70 GiB. GPU 0 has a total capacty of 6.00 GiB of which 0 bytes is free.");
        assertEquals(0L, n.freeBytes());
        assertEquals(6L * Bytes.GIB, n.totalBytes());
    }

    @Test
    void survivesColourCodesCrlfAndTerminalWrapping() {
        String head = "RuntimeError: CUDA out of memory. Tried to allocate 2.26 GiB (GPU 0; 6.00 GiB total capacity; 781.";
        String wrappedAt120 = " ".repeat(120 - head.length()) + head; // a 120-column terminal cut the number in two
        String text = "\u001B[31m" + wrappedAt120 + "\r\n59 MiB already allocated; 3.03 GiB free; 1.24 GiB reserved in total by PyTorch)\u001B[0m\r\n";
        OomNumbers n = numbers(text);
        assertEquals(Math.round(781.59 * Bytes.MIB), n.allocatedBytes());
        assertEquals(Math.round(1.24 * Bytes.GIB), n.reservedBytes());
    }

    @Test
    void acceptsDecimalCommas() {
        OomNumbers n = numbers("RuntimeError: CUDA out of memory. Tried to allocate 1,50 GiB (GPU 0; 7,79 GiB total capacity; 5,12 GiB already allocated; 1,02 GiB free; 5,90 GiB reserved in total by PyTorch)");
        assertEquals(Math.round(1.5 * Bytes.GIB), n.triedBytes());
        assertEquals(Math.round(7.79 * Bytes.GIB), n.totalBytes());
    }

    @Test
    void reportsWhatATruncatedMessageStillSays() {
        OomNumbers n = numbers("RuntimeError: CUDA out of memory. Tried to allocate 60.00 MiB (GPU 0; 11.17 GiB total capa");
        assertEquals(Math.round(60.0 * Bytes.MIB), n.triedBytes());
        assertNull(n.totalBytes());
    }

    /**
     * Stability-AI/stablediffusion#348 (corpus_heldout11): the paste stops right after "this process has 15.17 GiB";
     * the figure is stated all the same.
     */
    @Test
    void readsTheProcessFigureOfAMessageCutAfterIt() {
        OomNumbers n = numbers("torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 9.49 GiB. GPU 0 has a "
                + "total capacty of 23.68 GiB of which 8.03 GiB is free. Including non-PyTorch memory, this process has "
                + "15.17 GiB\n\nwhen i ran python scripts/txt2img.py");
        assertEquals(Math.round(15.17 * Bytes.GIB), n.processInUseBytes());
        assertEquals(Math.round(9.49 * Bytes.GIB), n.triedBytes());
    }

    /** A labelled report of the corpus or a burned held-out split (RealPastes), by its case id. */
    private OomNumbers trace(String id) { return analyzer.analyze(RealPastes.log(id)).numbers(); }

    /** fudan-zvg/4d-gaussian-splatting#16: the excerpt ends inside "already allocate"; the figure is stated. */
    @Test
    void aMessageCutInsideAlreadyAllocatedStillStatesTheFigure() {
        assertEquals(Bytes.parse("20.68", "GiB"), trace("4dgs-16-a10g-11k-iterations-rasterizer-backward")
                .allocatedBytes());
    }

    /** clovaai/stargan-v2#29: "14.58 GiB already a llocated", a stray space in the pasted word. */
    @Test
    void aStraySpaceInAllocatedStillStatesTheFigure() {
        assertEquals(Bytes.parse("14.58", "GiB"), trace("stargan-v2-29-v100-default-batch8")
                .allocatedBytes());
    }

    /** lopuhin/transformer-lm#21: the excerpt ends "17.19 MiB f", the free figure of the 1.x message. */
    @Test
    void aMessageCutAfterTheFreeFiguresFirstLetterStillStatesIt() {
        OomNumbers n = trace("transformer-lm-21-resume-all-ranks-gpu0");
        assertEquals(Bytes.parse("17.19", "MiB"), n.freeBytes());
        assertEquals(Bytes.parse("962.69", "MiB"), n.allocatedBytes());
    }

    /** xingchensong/TouchNet#100: torch_npu names the device "(NPU 3;": the card is 3. */
    @Test
    void ascendsNpuMessageNamesItsDevice() {
        OomNumbers n = trace("touchnet-100-npu-qwen2-audio-sft-5gib");
        assertEquals(3, n.gpuIndex());
        assertEquals(Bytes.parse("5.03", "GiB"), n.triedBytes());
    }

    /** Vchitect/LaVie#64: the title repeats the first sentence; the whole message after it gives the rest. */
    @Test
    void theWholeMessageCompletesItsRepeatedFirstSentence() {
        OomNumbers n = trace("lavie-64-video-sr-400gib-no-xformers");
        assertEquals(Bytes.parse("400.00", "GiB"), n.triedBytes());
        assertEquals(Bytes.parse("44.52", "GiB"), n.totalBytes());
        assertEquals(Bytes.parse("31.33", "GiB"), n.freeBytes());
        assertEquals(0, n.gpuIndex());
    }

    /** wxian3/NeuroLens#2: the same with PyTorch 2.1's "total capacty" spelling. */
    @Test
    void theWholeMessageCompletesItsRepeatedFirstSentenceIn21Spelling() {
        OomNumbers n = trace("neurolens-2-grid-sampler-55gib");
        assertEquals(12 * Bytes.GIB, n.totalBytes());
        assertEquals(Bytes.parse("9.02", "GiB"), n.freeBytes());
        assertEquals(Bytes.parse("463.48", "MiB"), n.reservedUnallocatedBytes());
    }
}
