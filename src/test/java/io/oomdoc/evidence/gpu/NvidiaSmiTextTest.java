package io.oomdoc.evidence.gpu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Real nvidia-smi outputs (tables, MIG, CSV) parse to the values recorded in expected.json. */
class NvidiaSmiTextTest {
    @TestFactory
    Stream<DynamicTest> everyRecordedOutputParsesToItsExpectedValues() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(Fixtures.text("nvidia_smi/expected.json"));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode e : expected) {
            tests.add(DynamicTest.dynamicTest(e.path("file").asText(), () -> {
                GpuState s = NvidiaSmiText.parse(Fixtures.text("nvidia_smi/" + e.path("file").asText()), "file");
                assertEquals(e.path("gpus").size(), s.gpus().size());
                for (int i = 0; i < e.path("gpus").size(); i++) {
                    JsonNode g = e.path("gpus").get(i);
                    GpuState.Gpu got = s.gpus().get(i);
                    assertEquals(g.path("index").asInt(), got.index());
                    assertEquals(g.path("name").asText(), got.name());
                    assertEquals(g.path("memory_total_bytes").asLong(), got.memoryTotalBytes());
                    assertEquals(g.path("memory_used_bytes").asLong(), got.memoryUsedBytes());
                }
                assertEquals(e.path("processes").size(), s.processes().size());
                for (int i = 0; i < e.path("processes").size(); i++) {
                    JsonNode p = e.path("processes").get(i);
                    GpuState.Process got = s.processes().get(i);
                    assertEquals(p.path("gpu_index").asInt(), got.gpuIndex());
                    assertEquals(p.path("pid").asLong(), got.pid());
                    assertEquals(p.path("name").asText(), got.name());
                    assertEquals(p.path("used_bytes").asLong(), got.usedBytes());
                }
                if (e.path("kind").asText().matches("table|mig|csv")) assertEquals(e.path("driver_version").asText(), s.driverVersion());
            }));
        }
        return tests.stream();
    }

    @Test
    void migModeAndInstancesAreRead() {
        GpuState s = NvidiaSmiText.parse(Fixtures.text("nvidia_smi/02_h200-mig-590-load.txt"), "file");
        assertEquals("Enabled", s.gpus().get(0).migMode());
        assertEquals(5, s.gpus().get(0).migDevices().size());
        assertEquals(71424L * 1024 * 1024, s.gpus().get(0).migDevices().get(0).memoryTotalBytes());
    }

    @Test
    void windowsProcessesWithoutUsageAreCountedAsUnknown() {
        GpuState s = NvidiaSmiText.parse(Fixtures.text("nvidia_smi/01_rtx2080s-wddm-610-load.txt"), "file");
        assertTrue(s.unknown().stream().anyMatch(u -> u.why().contains("N/A")));
    }

    @Test
    void memoryUsedByNoListedProcessIsVisible() {
        String crosse = Fixtures.devCases().stream().filter(c -> c.path("id").asText().equals("crosse-ghost-13gb"))
                .findFirst().orElseThrow().path("trace").asText();
        GpuState s = NvidiaSmiText.parse(crosse, "pasted");
        assertEquals("Tesla P100-SXM2...", s.gpus().get(0).name());
        assertEquals(12799L * 1024 * 1024, s.gpus().get(0).unattributedBytes());
    }

    @Test
    void oldLayoutProcessRowsWithoutInstanceIdsAreRead() {
        GpuState.Process p = NvidiaSmiText.processRow("|    1     31337      C   python train.py                              10240MiB |");
        assertEquals(1, p.gpuIndex());
        assertEquals(31337, p.pid());
        assertEquals("python train.py", p.name());
        assertEquals(10240L * 1024 * 1024, p.usedBytes());
    }

    @Test
    void unknownTextIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NvidiaSmiText.parse("hello world", "file"));
        assertTrue(e.getMessage().contains("nvidia-smi"));
    }

    /** nvidia-smi that could not reach the driver (ameli/manylinux-cuda#5, nvidia_smi/failed/SOURCES.md). */
    @Test
    void anUnreachableDriverIsNamedNotTakenForACutOffTable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NvidiaSmiText.parse(
                Fixtures.text("nvidia_smi/failed/driver-unreachable-manylinux-cuda-5.txt"), "file"));
        assertTrue(e.getMessage().contains("could not reach the NVIDIA driver"), e.getMessage());
        assertFalse(e.getMessage().contains("cut off"), e.getMessage());
    }
}
