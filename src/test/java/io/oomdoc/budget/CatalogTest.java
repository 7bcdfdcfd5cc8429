package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertEquals(15L * Bytes.GIB, t4.memoryBytes(), "nvidia-smi's 15360 MiB: 16 GB less in-band ECC");
        assertEquals(16L * Bytes.GIB, t4.marketedBytes());
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

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"whisper large, whisper-large-v2", "whisper-large-v3, whisper-large-v3", "command-r, command-r",
            "Command R, command-r", "codellama-34b, codellama-34b", "CodeLlama 34B, codellama-34b",
            "mixtral, mixtral-8x7b", "llama3 8b, llama-3-8b", "yolov5l, yolov5l", "sdxl, sdxl-unet",
            "Qwen/Qwen3-30B-A3B, qwen3-30b-a3b", "flan-t5-xxl, flan-t5-xxl", "bigscience/bloom, bloom-176b",
            "large-v2, whisper-large-v2", "FLUX, flux-dev-transformer"})
    void modelsAreFoundUnderTheNamesPeopleType(String typed, String model) {
        assertEquals(model, ModelCatalog.find(typed).orElseThrow().name());
    }

    @Test
    void aRowWithOnlyAParameterCountHasNoShape() {
        ModelSpec unet = ModelCatalog.find("sdxl").orElseThrow();
        assertEquals(2_567_463_684L, unet.params(), "the SDXL UNet's module count");
        assertFalse(unet.hasArchitecture(), "a UNet has no layers x width the transformer terms could use");
        assertEquals(0, unet.vocab());
        ModelSpec v3 = ModelCatalog.find("DeepSeek-V3").orElseThrow();
        assertEquals(671_000_000_000L, v3.params());
        assertEquals(256, v3.expertsTotal(), "routed experts, kept though the attention columns are empty");
        assertEquals(8, v3.expertsActive());
        assertFalse(v3.hasArchitecture());
    }

    @Test
    void aPublishedHeadDimOverridesHiddenOverHeads() {
        ModelSpec moe = ModelCatalog.find("qwen3-30b-a3b").orElseThrow();
        assertEquals(2048 / 32, moe.hidden() / moe.heads());
        assertEquals(128, moe.headDim(), "Qwen3's config sets head_dim 128, twice hidden / heads");
        assertEquals(160, ModelCatalog.find("mistral-nemo").orElseThrow().hidden() / 32);
        assertEquals(128, ModelCatalog.find("mistral-nemo").orElseThrow().headDim());
        assertEquals(128, ModelCatalog.find("llama-3.1-8b").orElseThrow().headDim(), "no column: hidden / heads");
    }

    @Test
    void addingModelsDoesNotChangeTheShapeABareSizeBorrows() {
        assertEquals("mistral-7b", ModelCatalog.closestInSize(7_000_000_000L).orElseThrow().name(),
                "falcon-7b (6.92B) is nearer to 7B but is not a shape donor");
        assertTrue(ModelCatalog.closestInSize(2_567_463_684L).orElseThrow().hasArchitecture(),
                "a params-only row never lends its (empty) shape");
        assertTrue(ModelCatalog.closestInSize(32_000_000_000L).isEmpty(), "qwen2.5-32b is in the catalog, not a donor");
    }

    @Test
    void aParamsOnlyModelIsBudgetedForItsWeights() {
        ModelSpec unet = ModelCatalog.find("sd 1.5").orElseThrow();
        Setup s = Setup.builder(unet).mode(Setup.Mode.INFER).precision(Setup.Precision.MIXED_FP16)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
        Budget b = new BudgetEngine().estimate(s, null);
        assertEquals(2L * 859_520_964L, b.perGpuBytes().weights(), "fp16 weights of the SD 1.5 UNet");
    }
}
