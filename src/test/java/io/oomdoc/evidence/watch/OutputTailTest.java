package io.oomdoc.evidence.watch;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The kept copy of a job's output: its head and its tail, with a marker line that says how much of the middle was
 * dropped. The output is nvidia-smi's recorded refusal (nvidia_smi/failed, SOURCES.md there).
 */
class OutputTailTest {
    @Test
    void anOutputLongerThanHeadAndTailKeepsBothEndsAndCountsTheDroppedMiddle() throws Exception {
        byte[] log = Files.readAllBytes(Fixtures.path("nvidia_smi/failed/driver-unreachable-manylinux-cuda-5.txt"));
        OutputTail tail = new OutputTail(16, 32);
        tail.write(log, 0, log.length);
        String kept = new String(tail.bytes(), StandardCharsets.UTF_8);
        String all = new String(log, StandardCharsets.UTF_8);
        assertEquals(all.substring(0, 16) + "\n[… " + (log.length - 48) + " bytes of output not kept …]\n"
                + all.substring(all.length() - 32), kept);
    }
}
