package io.oomdoc.evidence.gpu;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Probes on recorded real files and on a machine without GPU: they say what is unknown, never throw. */
class ProbesTest {
    @TempDir Path tmp;

    @Test
    void cgroupV1HostWithoutLimitIsRead() {
        HostProbe.Reading r = new HostProbe(Fixtures.path("host/cgroup-v1-vm"), false).read();
        assertNotNull(r.host().memTotalBytes());
        assertTrue(r.host().memTotalBytes() > r.host().memAvailableBytes());
        assertNull(r.host().cgroupLimitBytes(), "v1's 9223372036854771712 means no limit");
        assertEquals(227676160L, r.host().cgroupUsageBytes());
        assertEquals(0L, r.host().oomKills());
    }

    @Test
    void cgroupV2LimitAndOomKillCountAreRead() {
        HostProbe.Reading r = new HostProbe(Fixtures.path("host/cgroup-v2-oomkill"), false).read();
        assertEquals(536870912L, r.host().cgroupLimitBytes());
        assertEquals(1L, r.host().oomKills());
    }

    @Test
    void missingProcIsAnUnknownNotAnError() {
        HostProbe.Reading r = new HostProbe(tmp, false).read();
        assertNull(r.host().memTotalBytes());
        assertTrue(r.unknown().stream().anyMatch(u -> u.what().equals("host RAM")));
    }

    @Test
    void missingNvidiaSmiSaysSo() {
        GpuState s = new NvidiaSmiProbe(tmp.resolve("nvidia-smi").toString(), 1000).read();
        assertEquals("none", s.source());
        assertTrue(s.unknown().get(0).why().contains("not installed"));
    }

    @Test
    void aHungNvidiaSmiIsKilledAfterItsTimeLimit() throws Exception {
        Path fake = tmp.resolve("nvidia-smi");
        Files.writeString(fake, "#!/bin/sh\nsleep 30\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        long t0 = System.nanoTime();
        GpuState s = new NvidiaSmiProbe(fake.toString(), 500).read();
        assertTrue((System.nanoTime() - t0) / 1e9 < 5);
        assertTrue(s.unknown().get(0).why().contains("did not answer"), s.unknown().toString());
    }

    @Test
    void aFailingNvidiaSmiReportsItsMessage() throws Exception {
        Path fake = tmp.resolve("nvidia-smi");
        Files.writeString(fake, "#!/bin/sh\necho 'NVIDIA-SMI has failed because it couldn'\"'\"'t communicate with the NVIDIA driver.'\nexit 9\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        GpuState s = new NvidiaSmiProbe(fake.toString(), 2000).read();
        assertTrue(s.unknown().get(0).why().contains("couldn't communicate"), s.unknown().toString());
    }

    /**
     * JCuda 12.0.0's load error on a Linux x86_64 host without an NVIDIA driver (oomdoc's build machine, 2026-11-28;
     * trial 21 row 19), less its stack frames: `oomdoc gpu` printed its first line, the name of JCuda's own library.
     */
    private static final String JCUDA_NO_LIBCUDA = """
            Error while loading native library "JCudaDriver-12.0.0-linux-x86_64"
            Operating system name: Linux
            Architecture         : amd64
            ---(start of nested stack traces)---
            Stack trace from the attempt to load the library as a resource:
            java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.0.0-linux-x86_64.so: libcuda.so.1: cannot open \
            shared object file: No such file or directory
            ---(end of nested stack traces)---
            """;

    @Test
    void aMissingLibcudaIsSaidPlainlyWithoutTheLoadersText() {
        String why = JCudaProbe.whyNotLoaded(JCUDA_NO_LIBCUDA);
        assertTrue(why.contains("no NVIDIA driver library (libcuda)"), why);
        assertFalse(why.contains("JCudaDriver-12.0.0") || why.contains("Error while loading"), why);
    }

    /** The platform is named in words: the text read "({0} {1})" while the table is filled by String.format. */
    @Test
    void aNativeLibraryThatDoesNotLoadNamesThePlatform() {
        String why = JCudaProbe.whyNotLoaded("Error while loading native library \"JCudaDriver-12.0.0-linux-riscv64\"");
        assertTrue(why.contains("(" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")"), why);
    }

    /** Asserts on every host: without a driver the probe says why; with one, every device it lists is complete. */
    @Test
    void jcudaReadsTheDevicesOrSaysWhyNot() {
        JCudaProbe.Reading r = new JCudaProbe().read(false);
        if (r.devices().isEmpty()) {
            assertFalse(r.unknown().isEmpty(), "no device and no reason");
            assertTrue(r.unknown().stream().allMatch(u -> u.what().contains("JCuda") && !u.why().isBlank()),
                    r.unknown().toString());
        } else {
            assertTrue(r.driverVersion() != null && r.driverVersion().matches("\\d+\\.\\d+"), r.driverVersion());
            for (int i = 0; i < r.devices().size(); i++) {
                JCudaProbe.Device d = r.devices().get(i);
                assertEquals(i, d.ordinal());
                assertFalse(d.name().isBlank(), d.toString());
                assertTrue(d.totalBytes() >= 1L << 30, "a CUDA device has at least 1 GiB: " + d);
                assertTrue(d.computeCapability().matches("[1-9]\\d?\\.\\d"), d.toString());
                assertNull(d.freeBytes(), "free memory needs a context, which read(false) must not create");
            }
        }
    }

    @Test
    void pidsNotVisibleInThisNamespaceAreExplained() {
        GpuState s = NvidiaSmiText.parse(Fixtures.text("nvidia_smi/03_h200-590-load.txt"), "file");
        GpuState a = GpuStates.annotatePids(s, tmp);
        assertTrue(a.processes().stream().allMatch(p -> p.note() != null && p.note().contains("another container")));
        assertEquals(3, a.gpus().get(0).processes().size(), "explained, not dropped");
    }

    @Test
    void cudaVisibleDevicesMappingIsNoted() {
        GpuState s = GpuStates.annotateVisibleDevices(NvidiaSmiProbe.none("x"), Map.of("CUDA_VISIBLE_DEVICES", "2,3"));
        assertTrue(s.unknown().stream().anyMatch(u -> u.why().contains("physical GPU 2")));
    }
}
