package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The words with which shells, schedulers and container runtimes report a job they killed for host memory, each on
 * its real report (traces/SOURCES.md): every one is a host-memory failure, whatever else the paste says.
 */
class HostKillLinesTest {
    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    @ParameterizedTest
    @ValueSource(strings = {
            "host-unifl-2-bash-job-killed-line.txt",
            "host-fastmaskrcnn-172-bold-killed.txt",
            "host-bugbug-3906-status-code-137.txt",
            "host-cosmos-39-exiting-with-code-137.txt",
            "host-submitit-1769-srun-out-of-memory.txt",
            "host-coqui-stt-2238-slurmstepd-exceeded-memory-limit.txt",
            "host-kubeflow-chart-45-oomkilled-zh.txt",
            "host-kubeflow-trainer-1661-container-init-oom-killed.txt",
            "host-plantf-28-ray-workers-memory-pressure.txt",
            "host-flingbot-11-ray-task-node-low-on-memory.txt",
            "host-muzero-102-ray-out-of-memory-error.txt",
            "host-simplerl-84-ray-actors-cpu-oom.txt",
            "host-tfos-282-yarn-container-killed.txt",
            "host-xrayglm-83-nccl-shm-segment.txt",
            "host-lorascripts-170-memoryerror-bad-allocation-zh.txt",
            "host-hardnet-19-killed-by-oom-killer.txt"})
    void aKillForHostMemoryIsAHostMemoryFailure(String trace) {
        TraceFinding f = analyzer.analyze(Fixtures.log("traces/" + trace)).primary()
                .orElseThrow(() -> new AssertionError("no failure found in " + trace));
        assertEquals(FailureKind.HOST_RAM_OOM, f.kind(), trace);
        assertEquals("host-ram", f.parser(), trace);
    }
}
