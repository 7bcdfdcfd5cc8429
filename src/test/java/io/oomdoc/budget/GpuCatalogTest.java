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

    @Test
    void aSizeThatIsNotTheCardsOwnLeavesTheCardUnknown() {
        assertTrue(GpuCatalog.find("A30 48GB").isEmpty());
    }
}
