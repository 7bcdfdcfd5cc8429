package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AMD Instinct cards as PyTorch on ROCm sees them (catalog/gpus-sources.md). An MI250 or MI250X board is two GCDs of
 * 64 GB, each its own device (ROCm/rocm-blogs, llm-inference-optimize: "Each GCD has 64 GB of HBM"); an MI300X
 * reports a total capacity of 191.98 GiB and an MI210 63.98 GiB in their "HIP out of memory" messages
 * (rocm-blogs' GPTQModel and mamba posts).
 */
class RocmCardsTest {
    @Test
    void anMi250IsBudgetedPerGcdNotPerBoard() {
        assertEquals(64 * Bytes.GIB, GpuCatalog.find("mi250").orElseThrow().memoryBytes());
        assertEquals(64 * Bytes.GIB, GpuCatalog.find("MI250X").orElseThrow().memoryBytes());
        assertEquals("MI250", GpuCatalog.find("MI250 GCD 64GB").orElseThrow().name());
    }

    @Test
    void anMi300xIsBudgetedOnThe191Point98GibPyTorchOnRocmReports() {
        assertEquals(Math.round(191.98 * Bytes.GIB), GpuCatalog.find("mi300x").orElseThrow().budgetBytes());
        assertEquals(Math.round(63.98 * Bytes.GIB), GpuCatalog.find("mi210").orElseThrow().budgetBytes());
    }

    @Test
    void theEstimateOnAnMi300xSaysWhatRocmsAllocatorReports() {
        long mi300x = GpuCatalog.find("mi300x").orElseThrow().budgetBytes();
        ModelSpec gpt2 = ModelCatalog.find("gpt2").orElseThrow();
        Budget b = new BudgetEngine().estimate(Setup.builder(gpt2).seq(1024).batch(8).build(), mi300x);
        assertTrue(b.assumptions().stream().anyMatch(a -> a.contains("191.98 GiB, the total PyTorch on ROCm reports")
                && a.contains("PYTORCH_HIP_ALLOC_CONF")), String.join("\n", b.assumptions()));
    }

    @Test
    void anL4IsTheSizeNvidiaSmiShowsWithEccOn() {
        GpuCatalog.Gpu l4 = GpuCatalog.find("l4").orElseThrow();
        assertEquals(23034L << 20, l4.memoryBytes(), 1L << 20);
        assertEquals(24 * Bytes.GIB, l4.marketedBytes(), "sold as 24 GB");
    }
}
