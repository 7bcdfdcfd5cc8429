package io.oomdoc.evidence.watch;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * nvidia-smi's loops through the recorded stand-in of the run tests (src/test/resources/run/nvidia-smi replaying
 * the leak scenario's rows from tensorflow/tensorflow#73457).
 */
class SmiSamplerTest {
    @TempDir Path tmp;

    private long loopsRunning(Path smi) {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().orElse("").contains(smi.toString())).count();
    }

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) Thread.sleep(20);
    }

    @Test
    void changingThePaceReplacesTheLoopsWithoutReportingAFailure() throws Exception {
        Path smi = tmp.resolve("nvidia-smi");
        Files.copy(Fixtures.path("run/nvidia-smi"), smi);
        assertTrue(smi.toFile().setExecutable(true));
        Files.copy(Fixtures.path("run/leak/frames.txt"), tmp.resolve("frames.txt"));
        Files.writeString(tmp.resolve("step"), "8\n");
        Files.writeString(tmp.resolve("job.pid"), "4242\n");
        SmiSampler s = SmiSampler.start(smi, 1000, 100);
        try {
            await(() -> !s.apps().isEmpty());
            assertEquals(246L << 20, s.apps().get(0).usedBytes(), "step 8's row: 246 MiB");
            assertEquals(2, loopsRunning(smi));
            s.pace(1000);
            Files.writeString(tmp.resolve("step"), "9\n");
            await(() -> !s.apps().isEmpty() && s.apps().get(0).usedBytes() == 276L << 20);
            assertEquals(276L << 20, s.apps().get(0).usedBytes(), "the new loops read step 9's row");
            await(() -> loopsRunning(smi) == 2);
            assertEquals(2, loopsRunning(smi), "the loops at the old pace were stopped");
            assertNull(s.failure(), "stopping the old loops is no failure of nvidia-smi");
        } finally {
            s.close();
        }
        await(() -> loopsRunning(smi) == 0);
        assertEquals(0, loopsRunning(smi));
        s.pace(100);
        try {
            assertEquals(0, loopsRunning(smi), "a late change of pace after close() starts nothing");
        } finally {
            s.close(); // whatever it started, so that no loop outlives the test
        }
    }
}
