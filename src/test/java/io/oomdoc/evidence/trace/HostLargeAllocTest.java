package io.oomdoc.evidence.trace;

import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * tcmalloc's "large alloc" warnings, the host allocator taking gigabytes at a time, in a log that quotes no other
 * failure: the host's RAM is what ran out. A CUDA out-of-memory message beside them stays the failure.
 */
class HostLargeAllocTest {
    private static TraceFinding primary(String text) {
        return new TraceAnalyzer().analyze(LogText.of(text)).primary().orElseThrow();
    }

    // corpus_heldout19 naifu-12-colab-tcmalloc-large-alloc-end-of-epoch (Mikubill/naifu#12): the epoch ends in a run
    // of tcmalloc lines and the Colab session dies with no message
    @Test
    void largeHostAllocationsWithNoOtherFailureAreHostRam() {
        TraceFinding f = primary(RealPastes.paste("naifu-12-colab-tcmalloc-large-alloc-end-of-epoch"));
        assertEquals(FailureKind.HOST_RAM_OOM, f.kind());
    }

    // constructed: the same warning line ahead of PyTorch's CUDA message
    @Test
    void aCudaMessageBesideThemStaysTheFailure() {
        TraceFinding f = primary("tcmalloc: large alloc 1134575616 bytes == 0x17a8de000 @  0x7efc50b2d615\n"
                + "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 14.75 GiB "
                + "total capacity; 13.90 GiB already allocated; 6.81 MiB free; 14.10 GiB reserved in total by "
                + "PyTorch)");
        assertEquals(FailureKind.VRAM_OOM, f.kind());
    }
}
