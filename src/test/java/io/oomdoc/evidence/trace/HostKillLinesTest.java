package io.oomdoc.evidence.trace;

import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The words with which shells, schedulers and container runtimes report a job they killed for host memory, each on
 * its real report (RealPastes: the corpus or a burned held-out split, each naming its thread): every one is a
 * host-memory failure, whatever else the paste says.
 */
class HostKillLinesTest {
    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    @ParameterizedTest
    @ValueSource(strings = {
            "unifl-2-preprocess-killed-ehr",
            "fastmaskrcnn-172-training-killed",
            "bugbug-3906-training-task-exit-137",
            "cosmos-39-docker-137-build-model-phase",
            "submitit-1769-srun-out-of-memory-ddp-example",
            "coqui-stt-2238-slurm-job-memory-limit",
            "kubeflow-chart-45-training-operator-oomkilled-zh",
            "kubeflow-trainer-1661-operator-init-oom-killed",
            "plantf-28-ray-feature-cache-workers-killed",
            "flingbot-11-ray-oom-simenv-init",
            "muzero-general-102-ray-replay-buffer-ram",
            "simplerl-84-ray-actors-cpu-oom-rollout",
            "tfos-282-yarn-killed-container-physical-memory",
            "xrayglm-83-nccl-shm-segment-deepspeed-broadcast",
            "lorascripts-170-bad-allocation-16g-zh",
            "hardnet-19-killed-by-oom-killer",
            // sacct's job state OUT_OF_MEMORY, no kill line of slurmstepd's or srun's (burned split 32)
            "icenet-51-prediction-slurm-oom"})
    void aKillForHostMemoryIsAHostMemoryFailure(String trace) {
        TraceFinding f = analyzer.analyze(RealPastes.log(trace)).primary()
                .orElseThrow(() -> new AssertionError("no failure found in " + trace));
        assertEquals(FailureKind.HOST_RAM_OOM, f.kind(), trace);
        assertEquals("host-ram", f.parser(), trace);
    }
}
