package io.oomdoc.evidence.trace;

import io.oomdoc.evidence.trace.parsers.HostRamParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A host-memory failure names its mechanism, which decides the fix (more /dev/shm, fewer workers, a larger memory
 * request for the job, less held in the process): each on its real report (RealPastes, which names each thread).
 */
class HostRamNotesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "xrayglm-83-nccl-shm-segment-deepspeed-broadcast | NCCL could not create its shared-memory segment",
            "pla-33-dataloader-bus-error-shm                 | ran out of shared memory (/dev/shm)",
            "kmol-13-mmap-cannot-allocate                    | ran out of shared memory (/dev/shm)",
            "dcpdn-12-dataloader-killed-16g                  | a DataLoader worker process was killed",
            "tranx-41-dmesg-killed-31gb-anon-rss             | the kernel's OOM killer acted",
            "hardnet-19-killed-by-oom-killer                 | the kernel's OOM killer acted",
            "kubeflow-chart-45-training-operator-oomkilled-zh | a scheduler or container runtime",
            "lorascripts-170-bad-allocation-16g-zh           | an allocation in host RAM failed inside the process",
            "yolov8-od-7-winerror-1455-laptop                 | Windows reached its commit limit",
            "pytorch-segmentation-118-winerror-1455-paging-file | Windows reached its commit limit",
            "fastmaskrcnn-172-training-killed                | killed with SIGKILL (exit 137 / -9)"})
    void aHostMemoryFailureNamesItsMechanism(String trace, String note) {
        TraceFinding f = new HostRamParser().parse(RealPastes.log(trace)).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no host-memory failure in " + trace));
        assertTrue(f.notes().get(0).contains(note), trace + ": " + f.notes());
    }
}
