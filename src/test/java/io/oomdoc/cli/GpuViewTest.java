package io.oomdoc.cli;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.gpu.NvidiaSmiText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** What `oomdoc gpu` shows for real nvidia-smi output (src/test/resources/nvidia_smi, sources in expected.json). */
class GpuViewTest {
    private static String view(String fixture) {
        return GpuView.text(NvidiaSmiText.parse(Fixtures.text("nvidia_smi/" + fixture), "file"), Style.plain());
    }

    /** Windows (WDDM) lists no process memory: the 1.33 GiB in use belongs to no listed process. */
    @Test
    void memoryNoListedProcessHoldsIsNamedWithItsKbEntry() {
        assertTrue(view("01_rtx2080s-wddm-610-load.txt").contains("    1.33 GiB in use by no listed process (zombie, "
                + "another container, or the driver): see kb U11\n"));
    }

    /** MIG instances are listed under their card, each with its own used and total memory. */
    @Test
    void eachMigDeviceGetsItsOwnLine() {
        String v = view("02_h200-mig-590-load.txt");
        assertTrue(v.contains("    MIG GI "), v);
        assertFalse(v.contains("in use by no listed process"), v);
    }

    /** A container's host lines, read from a recorded cgroup v2 host (host/cgroup-v2-oomkill, SOURCES.md). */
    @Test
    void theHostLinesGiveTheCgroupLimitAndItsKills() {
        var reading = new io.oomdoc.evidence.gpu.HostProbe(Fixtures.path("host/cgroup-v2-oomkill"), false).read();
        var state = new io.oomdoc.evidence.gpu.GpuState("none", null, null, java.util.List.of(), java.util.List.of(),
                reading.host(), java.util.List.of());
        String v = GpuView.text(state, Style.plain());
        assertTrue(v.contains("\n  cgroup limit 512.00 MiB, usage "), v);
        assertTrue(v.contains("\n  cgroup OOM kills so far: 1\n"), v);
    }

    /** The state the probe returns on a machine without nvidia-smi (this CI host): said first, before the host. */
    @Test
    void aMachineWithNoReadableGpuSaysSoBeforeTheHostLines() {
        var none = new io.oomdoc.evidence.gpu.GpuState("none", null, null, java.util.List.of(), java.util.List.of(),
                null, java.util.List.of(new io.oomdoc.evidence.gpu.GpuState.Unknown("GPU memory",
                        "nvidia-smi is not installed or not on PATH")));
        String v = GpuView.text(none, Style.plain());
        assertTrue(v.startsWith("source: none\n\nNo NVIDIA GPU readable here"), v);
    }
}
