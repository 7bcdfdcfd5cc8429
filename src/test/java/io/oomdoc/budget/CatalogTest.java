package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The GPU and model catalogs (src/main/resources/catalog/*.csv, vendor datasheets and published config.json) as
 * users name things: vendor prefixes, separators, typos. Written for the catalog mutants PIT found with no test.
 */
class CatalogTest {
    @Test
    void gpusAreFoundUnderTheNamesPeopleUse() {
        GpuCatalog.Gpu g = GpuCatalog.find("NVIDIA GeForce RTX 4090").orElseThrow();
        assertEquals("GeForce RTX 4090", g.name());
        assertEquals(24L * Bytes.GIB, g.memoryBytes());
        assertTrue(g.bf16() && g.fp8());
        assertEquals(g, GpuCatalog.find("rtx_4090").orElseThrow());
        assertEquals(g, GpuCatalog.find("RTX-4090").orElseThrow(), "separators are ignored");
        GpuCatalog.Gpu t4 = GpuCatalog.find("Tesla T4").orElseThrow();
        assertEquals(16L * Bytes.GIB, t4.memoryBytes());
        assertFalse(t4.bf16(), "Turing has no bf16");
        assertEquals(80L * Bytes.GIB, GpuCatalog.find("a100-sxm4-80gb").orElseThrow().memoryBytes());
        assertTrue(GpuCatalog.find("rtx 9999").isEmpty());
        assertTrue(GpuCatalog.all().size() > 20);
        assertTrue(GpuCatalog.all().contains(g));
    }

    @Test
    void aTypoGetsTheNearestCardsFirst() {
        List<String> near = GpuCatalog.nearest("rtx 3900");
        assertEquals(3, near.size(), near.toString());
        assertEquals("GeForce RTX 3090", near.get(0), "a swap of two digits is one edit: " + near);
        assertEquals(1, Catalog.distance("3900", "3090"));
        assertEquals(2, Catalog.distance("abc", "a"));
        assertEquals(0, Catalog.distance("t4", "t4"));
    }

    @Test
    void modelsCarryTheirPublishedShape() {
        ModelSpec m = ModelCatalog.find("meta-llama/Llama-3.1-8B").orElseThrow();
        assertEquals("llama-3.1-8b", m.name());
        assertEquals(8_030_261_248L, m.params());
        assertEquals(32, m.layers());
        assertEquals(4096, m.hidden());
        assertEquals(32, m.heads());
        assertEquals(8, m.kvHeads(), "grouped-query attention");
        assertEquals(14336, m.ffn());
        assertEquals(128256, m.vocab());
        assertEquals(m, ModelCatalog.find("llama 3.1 8b").orElseThrow());
        ModelSpec gpt2 = ModelCatalog.find("GPT-2").orElseThrow();
        assertEquals(124_439_808L, gpt2.params());
        assertEquals(12, gpt2.layers());
        assertEquals(ModelSpec.nanochat(20), ModelCatalog.find("nanochat depth=20").orElseThrow());
        assertTrue(ModelCatalog.find("no-such-model-7b").isEmpty());
        assertEquals("gpt2", ModelCatalog.nearest("gtp2").get(0));
    }

    @Test
    void aBareParameterCountBorrowsTheShapeOfTheClosestModel() {
        assertEquals(8_030_261_248L, ModelCatalog.closestInSize(8_030_261_248L).orElseThrow().params(),
                "a count in the catalog finds a model of exactly that size");
        ModelSpec near = ModelCatalog.closestInSize(125_000_000L).orElseThrow();
        assertTrue(near.params() > 125e6 / 1.5 && near.params() < 125e6 * 1.5, near.toString());
        assertTrue(ModelCatalog.closestInSize(1_000L).isEmpty(), "nothing within a factor of 1.5 of 1000 params");
        assertTrue(ModelCatalog.aliases().size() > 10);
        assertTrue(GpuCatalog.aliases().stream().anyMatch(a -> a[0].equals("4090") && a[1].equals("GeForce RTX 4090")));
    }
}
