package io.oomdoc.evidence.watch;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Host readings from recorded file-system roots (src/test/resources/host, sources in SOURCES.md). */
class HostSamplerTest {
    @Test
    void cgroupV2UsageAndOomKillCount() {
        HostSampler.Reading r = new HostSampler(Fixtures.path("host/cgroup-v2-oomkill"), 4096).read(Set.of());
        assertEquals(278528L, r.cgroupUsageBytes());
        assertEquals(1L, r.oomKills());
        assertNull(r.treeRssBytes(), "no process of the job is readable under that root");
    }

    @Test
    void cgroupV1UsageAndOomKillCount() {
        HostSampler.Reading r = new HostSampler(Fixtures.path("host/cgroup-v1-vm"), 4096).read(Set.of());
        assertNotNull(r.cgroupUsageBytes());
        assertEquals(0L, r.oomKills());
    }

    @Test
    void theResidentSetOfThisProcessIsRead() {
        HostSampler.Reading r = new HostSampler().read(Set.of(ProcessHandle.current().pid()));
        assertTrue(r.treeRssBytes() != null && r.treeRssBytes() > 1 << 20, "a JVM holds more than 1 MiB");
    }
}
