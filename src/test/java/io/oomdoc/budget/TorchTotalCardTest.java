package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A card is budgeted on what PyTorch can allocate, not on the size it is sold as. Where the catalog has the total
 * PyTorch reports (its OOM message: an H100 80GB "has a total capacity of 79.11 GiB", vllm-project/vllm#27508; an
 * A100 80GB 79.25 GiB, levihsu/OOTDiffusion#235), that total is the card, and nothing more is kept back from it.
 */
class TorchTotalCardTest {
    private static final long H100_TORCH = Math.round(79.11 * Bytes.GIB);

    @Test
    void anH100IsBudgetedOnThe79Point11GibPyTorchReports() {
        GpuCatalog.Gpu h100 = GpuCatalog.find("h100").orElseThrow();
        assertEquals(H100_TORCH, h100.budgetBytes());
        assertEquals(H100_TORCH, h100.usableBytes());
        assertEquals(80 * Bytes.GIB, h100.marketedBytes(), "sold as 80 GB");
    }

    @Test
    void aPyTorchTotalIsNotCutAgain() {
        assertEquals(H100_TORCH, GpuCatalog.usableBytes(H100_TORCH));
    }

    @Test
    void aCardWithoutAPyTorchTotalKeepsTheDriversShareOff() {
        GpuCatalog.Gpu rtx3090 = GpuCatalog.find("rtx 3090").orElseThrow();
        assertEquals(rtx3090.memoryBytes(), rtx3090.budgetBytes());
        assertTrue(rtx3090.usableBytes() < rtx3090.memoryBytes());
    }

    @Test
    void theEstimateSaysTheCardIsPyTorchsTotal() {
        ModelSpec gpt2 = ModelCatalog.find("gpt2").orElseThrow();
        Budget b = new BudgetEngine().estimate(Setup.builder(gpt2).seq(1024).batch(8).build(), H100_TORCH);
        assertTrue(b.assumptions().stream().anyMatch(a -> a.contains("79.11 GiB, the total PyTorch reports")),
                String.join("\n", b.assumptions()));
    }
}
