package io.oomdoc.evidence.trace;

import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Prose with no log line that says the machine's RAM ran out is a host-RAM failure, not a GPU one; prose that says
 * the card's memory ran out stays a GPU failure whatever it says of RAM. The turns are real users' own, from the
 * burned conversation set 27 (fixture, turn and thread named on each test) but the last, written for the guard.
 */
class HostRamToldInProseTest {
    private static FailureKind kind(String text) {
        return new TraceAnalyzer().analyze(LogText.of(text)).primary().orElseThrow().kind();
    }

    // conversations_heldout27/P12-audio-webui-bark-host-ram.txt #1 (gitmylo/audio-webui#74)
    @Test
    void memoryGobbledUpUntilTheSystemLocksUpIsHostRam() {
        assertEquals(FailureKind.HOST_RAM_OOM, kind("When generating text to speech using Bark, memory never seems to "
                + "be freed up.\nAfter 20-30 generations my 32GB of memory has been gobbled up causing the system to "
                + "lock up."));
    }

    // conversations_heldout27/P17-deepdiscovery-1070-volume.txt #1 (robb-brown/DeepDiscovery#2)
    @Test
    void failingForOutOfRamIsHostRam() {
        assertEquals(FailureKind.HOST_RAM_OOM, kind("when I tried to conduct the segmentation on the example MINC file "
                + "provided, it failed for Out of RAM issue."));
    }

    // constructed: both memories said to be full, the card's named as what ran out
    @Test
    void theCardRunningOutStaysAGpuFailureBesideRamTalk() {
        assertEquals(FailureKind.VRAM_OOM, kind("training stops with CUDA out of memory, and the system RAM is full "
                + "too."));
    }
}
