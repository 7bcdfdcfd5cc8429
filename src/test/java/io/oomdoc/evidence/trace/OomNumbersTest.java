package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The figures of an OOM message and what follows from them, on real messages: h200/snap_oom_message.txt (PyTorch 2.11
 * on an H200), traces/cylinder3d-backward-tqdm-1x.txt (the pre-2.0 wording, xinge008/Cylinder3D#109) and
 * traces/qwen3coder-rank3-2x.txt (per-process use, QwenLM/Qwen3-Coder#174). Written to kill the mutants PIT left alive
 * in OomNumbers.
 */
class OomNumbersTest {
    private static OomNumbers numbers(String fixture) {
        return new TraceAnalyzer().analyze(Fixtures.log(fixture)).numbers();
    }

    private static void assertGib(double expected, Long bytes) {
        assertNotNull(bytes);
        assertEquals(expected, bytes / (double) Bytes.GIB, 0.01);
    }

    @Test
    void reservedIsAllocatedPlusReservedButUnallocatedWhenOnlyThoseAreStated() {
        // "101.47 GiB is allocated by PyTorch, and 887.60 MiB is reserved by PyTorch but unallocated"
        assertGib(101.47 + 887.60 / 1024, numbers("h200/snap_oom_message.txt").reservedBytes());
    }

    @Test
    void reservedButUnallocatedIsReservedLessAllocatedInTheOldWording() {
        // "9.70 GiB already allocated; 498.75 MiB free; 10.15 GiB reserved in total by PyTorch"
        assertGib(10.15 - 9.70, numbers("traces/cylinder3d-backward-tqdm-1x.txt").reservedUnallocatedBytes());
    }

    @Test
    void memoryHeldOutsideTheAllocatorIsTotalLessFreeLessReserved() {
        // 139.80 GiB total, 36.73 GiB free, 102.34 GiB reserved: 0.73 GiB for the CUDA context and others
        OomNumbers snap = numbers("h200/snap_oom_message.txt");
        assertGib(139.80 - 36.73 - (101.47 + 887.60 / 1024), snap.heldOutsideAllocator());
    }

    @Test
    void nothingIsHeldOutsideTheAllocatorWhereTheMessageStatesNoTotal() {
        assertNull(OomNumbers.NONE.heldOutsideAllocator());
    }

    @Test
    void fillingAnEmptyRecordFromAnotherGivesTheOther() {
        OomNumbers qwen = numbers("traces/qwen3coder-rank3-2x.txt");
        assertFalse(qwen.processes().isEmpty(), "the message lists the process holding the card");
        assertEquals(qwen, OomNumbers.NONE.orElse(qwen));
    }

    @Test
    void aRecordKeepsItsOwnFiguresWhenFilledFromAnother() {
        OomNumbers snap = numbers("h200/snap_oom_message.txt");
        OomNumbers qwen = numbers("traces/qwen3coder-rank3-2x.txt");
        OomNumbers both = snap.orElse(qwen);
        assertEquals(snap.triedBytes(), both.triedBytes());
        assertEquals(snap.totalBytes(), both.totalBytes());
        assertEquals(snap.freeBytes(), both.freeBytes());
        assertEquals(snap.allocatedBytes(), both.allocatedBytes());
        assertEquals(snap.reservedBytes(), both.reservedBytes());
        assertEquals(snap.reservedUnallocatedBytes(), both.reservedUnallocatedBytes());
        assertEquals(snap.processInUseBytes(), both.processInUseBytes());
        assertEquals(snap.gpuIndex(), both.gpuIndex());
    }

    @Test
    void fillingFromNothingChangesNothing() {
        OomNumbers snap = numbers("h200/snap_oom_message.txt");
        assertSame(snap, snap.orElse(null));
    }
}
