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

    /**
     * unslothai/unsloth#465 (src/test/resources/corpus/training.jsonl): a Colab T4 that PyTorch gives "a total
     * capacity of 14.75 GiB"; nvidia-smi prints 15360 MiB for the T4 (robbyant-research/MagicQuill#57), its 16 GB less
     * in-band ECC. The catalog's card, less what the driver keeps, is that figure, not a GiB more.
     */
    @Test
    void theT4IsTheSizePyTorchSeesWithEccOn() throws java.io.IOException {
        String paste = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                "src/test/resources/corpus/training.jsonl")).stream()
                .filter(l -> l.contains("\"source\": \"unslothai/unsloth#465\"")).findFirst().orElseThrow();
        assertTrue(paste.contains("on a T4") && paste.contains("total capacity of 14.75 GiB"), paste);
        long usable = GpuCatalog.usableBytes(GpuCatalog.find("t4").orElseThrow().memoryBytes());
        assertEquals(14.75, (double) usable / io.oomdoc.util.Bytes.GIB, 0.1);
    }

    /** The A40 is the L40S's twin here: 48 GB sold, 46068 MiB in nvidia-smi with ECC on; people name the 48. */
    @Test
    void anEccCardKeepsTheSizeItIsSoldAs() {
        GpuCatalog.Gpu a40 = GpuCatalog.find("a40").orElseThrow();
        assertEquals(46068L << 20, a40.memoryBytes(), 1L << 20);
        assertEquals(48L * io.oomdoc.util.Bytes.GIB, a40.marketedBytes());
        GpuCatalog.Gpu h100 = GpuCatalog.find("h100").orElseThrow();
        assertEquals(h100.memoryBytes(), h100.marketedBytes(), "no ECC carve-out on HBM");
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
