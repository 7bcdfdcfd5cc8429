package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Card names of catalog/gpus.csv as the text scanners see them. Written for a mutant PIT left alive in GpuCatalog. */
class GpuCatalogTest {
    @Test
    void aliasesComeLongestFirstSoThatRtx3090IsTriedBefore3090() {
        List<String[]> aliases = GpuCatalog.aliases();
        for (int i = 1; i < aliases.size(); i++) {
            assertTrue(aliases.get(i - 1)[0].length() >= aliases.get(i)[0].length(),
                    aliases.get(i - 1)[0] + " before " + aliases.get(i)[0]);
        }
        assertTrue(aliases.get(0)[0].length() > aliases.get(aliases.size() - 1)[0].length());
    }

    /** text-generation-inference#1769 runs on "8*A30-24G"; users type a card with its size. */
    @Test
    void aCardNamedWithItsOwnSizeIsFound() {
        assertEquals("A30", GpuCatalog.find("A30-24G").orElseThrow().name());
        assertEquals("L40S", GpuCatalog.find("L40S 48GB").orElseThrow().name());
    }

    /**
     * bmaltais/kohya_ss#2724 (src/test/resources/traces/kohya-ss-2724-flux-lora-l40s-24gb-in-prose.txt): PyTorch gives
     * the L40S "a total capacty of 44.53 GiB"; nvidia-smi prints 46068 MiB for it, the 48 GB less in-band ECC. The
     * catalog's card, less what the driver keeps, is that figure, not 3 GiB more.
     */
    @Test
    void theL40sIsTheSizePyTorchSeesWithEccOn() throws java.io.IOException {
        String paste = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/resources/traces/kohya-ss-2724-flux-lora-l40s-24gb-in-prose.txt"));
        assertTrue(paste.contains("total capacty of 44.53 GiB"));
        long usable = GpuCatalog.usableBytes(GpuCatalog.find("l40s").orElseThrow().memoryBytes());
        assertEquals(44.53, (double) usable / io.oomdoc.util.Bytes.GIB, 0.45);
    }

    /** A card kept at nvidia-smi's total after ECC is still found by the size it is sold as. */
    @Test
    void anEccCardNamedWithItsMarketedSizeIsFound() {
        assertEquals("A10G", GpuCatalog.find("A10G 24GB").orElseThrow().name());
    }

    @Test
    void aSizeThatIsNotTheCardsOwnLeavesTheCardUnknown() {
        assertTrue(GpuCatalog.find("A30 48GB").isEmpty());
    }
}
