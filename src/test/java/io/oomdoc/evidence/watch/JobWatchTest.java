package io.oomdoc.evidence.watch;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What the watcher reads of a job beyond its output: here the cgroup's OOM-kill count (host fixtures, SOURCES.md). */
class JobWatchTest {
    @TempDir Path tmp;

    /**
     * The kernel kills a job at once, between two samples: the cgroup's oom_kill count rises only as the job dies.
     * The root is the recorded cgroup v2 of a service killed at its memory.max, with the count at 0 before the kill;
     * the job plays the kernel by putting the recorded memory.events (oom_kill 1) in place and killing itself.
     */
    @Test
    void anOomKillBetweenTwoSamplesIsReadAfterTheJobEnded() throws Exception {
        Path fixture = Fixtures.path("host/cgroup-v2-oomkill/sys/fs/cgroup");
        Path cgroup = Files.createDirectories(tmp.resolve("root/sys/fs/cgroup"));
        Files.copy(fixture.resolve("memory.current"), cgroup.resolve("memory.current"));
        Path after = fixture.resolve("memory.events");
        Files.writeString(cgroup.resolve("memory.events"), Files.readString(after).replace("oom_kill 1", "oom_kill 0"));
        JobWatch w = new JobWatch(new JobWatch.Options(1000, null, "host only", new HostSampler(tmp.resolve("root"),
                4096)));
        ProcessBuilder job = new ProcessBuilder("sh", "-c", "sleep 0.5; cp \"$1\" \"$2\"; kill -9 $$", "job",
                after.toString(), cgroup.resolve("memory.events").toString());
        MemoryTimeline t = w.run(job, new ByteArrayOutputStream(), new ByteArrayOutputStream()).timeline();
        assertEquals(137, t.exitStatus());
        List<MemoryTimeline.Verdict> v = t.verdicts();
        assertEquals(1, v.size(), v.toString());
        assertEquals(MemoryTimeline.Kind.HOST_KILL, v.get(0).kind());
        assertTrue(v.get(0).evidence().contains("oom_kill count went from 0 to 1"), v.get(0).evidence());
    }

    /**
     * nvidia-smi is on PATH but cannot reach the driver: it prints the recorded refusal and exits. The watcher then
     * has no card reading at all, so the timeline is host-only and its note says why, with nvidia-smi's status. The
     * stand-in prints nvidia_smi/failed/driver-unreachable-manylinux-cuda-5.txt (ameli/manylinux-cuda#5, without the
     * shell prompt) and exits 9, nvidia-smi's documented status for "NVIDIA driver is not loaded" (nvidia-smi(1)).
     */
    @Test
    void anNvidiaSmiThatCannotReachTheDriverLeavesAHostOnlyTimelineThatSaysWhy() throws Exception {
        Path refusal = Fixtures.path("nvidia_smi/failed/driver-unreachable-manylinux-cuda-5.txt");
        Path smi = tmp.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\ntail -n +2 '" + refusal + "'\nexit 9\n");
        assertTrue(smi.toFile().setExecutable(true));
        JobWatch w = new JobWatch(new JobWatch.Options(1000, smi, null, new HostSampler(tmp.resolve("none"), 4096)));
        MemoryTimeline t = w.run(new ProcessBuilder("sleep", "1"), new ByteArrayOutputStream(),
                new ByteArrayOutputStream()).timeline();
        assertEquals(0, t.exitStatus());
        assertEquals("nvidia-smi could not be read (nvidia-smi exited with status 9): host memory only", t.gpuNote());
        assertTrue(t.samples().stream().allMatch(s -> s.cardTotalBytes() == null), t.samples().toString());
    }
}
