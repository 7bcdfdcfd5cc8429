package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Rows of catalog/models.csv read into shapes (each row's source in catalog/models-sources.md): the optional trailing
 * columns (head size, MLP kind, logit soft-cap) may be absent, empty or set. Written to kill the mutants PIT left alive
 * in ModelCatalog.
 */
class ModelCatalogTest {
    private static ModelSpec row(String name) {
        return ModelCatalog.find(name).orElseThrow();
    }

    @Test
    void aRowMarkedTiedHasTiedEmbeddings() {
        assertTrue(row("gpt2").tiedEmbeddings());
    }

    @Test
    void aRowMarkedUntiedHasTwoEmbeddingTables() {
        assertFalse(row("llama-3.1-8b").tiedEmbeddings());
    }

    @Test
    void aRowWithoutTrailingColumnsGuessesItsMlpAndHasNoSoftcap() {
        ModelSpec m = row("bert-base");
        assertEquals(ModelSpec.Mlp.GUESS, m.mlp());
        assertEquals(0, m.headDimension());
        assertEquals(0.0, m.logitSoftcap());
    }

    @Test
    void aRowEndingAtItsHeadSizeKeepsIt() {
        // qwen3-4b: 32 heads of 128 = 4096, wider than its hidden size 2560
        ModelSpec m = row("qwen3-4b");
        assertEquals(128, m.headDimension());
        assertEquals(ModelSpec.Mlp.GUESS, m.mlp());
    }

    @Test
    void aRowEndingAtItsMlpKindWithAnEmptyHeadSizeReadsBoth() {
        // llama-3.2-1b: ",,gated": head size is hidden / heads, the MLP is gated, no soft-cap column
        ModelSpec m = row("llama-3.2-1b");
        assertEquals(0, m.headDimension());
        assertEquals(ModelSpec.Mlp.GATED, m.mlp());
        assertEquals(0.0, m.logitSoftcap());
    }

    @Test
    void gemmaTwoCarriesItsFinalLogitSoftcap() {
        ModelSpec m = row("gemma-2-9b");
        assertEquals(30.0, m.logitSoftcap());
        assertEquals(256, m.headDimension());
    }

    @Test
    void aMixtureOfExpertsNeverLendsItsShapeToABareSize() {
        // mixtral-8x7b is listed as a donor, but its 46.7B are mostly experts a token never reads
        ModelSpec mixtral = row("mixtral-8x7b");
        ModelCatalog.closestInSize(mixtral.params()).ifPresent(m -> assertEquals(0, m.expertsTotal(), m.name()));
    }

    @Test
    void aliasesComeLongestFirstSoThatALongerNameWinsOverItsPrefix() {
        List<String[]> aliases = ModelCatalog.aliases();
        for (int i = 1; i < aliases.size(); i++) {
            assertTrue(aliases.get(i - 1)[0].length() >= aliases.get(i)[0].length(),
                    aliases.get(i - 1)[0] + " before " + aliases.get(i)[0]);
        }
        assertTrue(aliases.get(0)[0].length() > aliases.get(aliases.size() - 1)[0].length());
    }

    @Test
    void gptTwoRowsNameTheirPythonGelu() {
        // GPT-2's config.json: activation_function "gelu_new" (transformers' NewGELUActivation)
        assertEquals(ModelSpec.Mlp.NEW_GELU, row("gpt2-xl").mlp());
    }

    /** diffusers#9156's launch command: MODEL_NAME="black-forest-labs/FLUX.1-dev", the Hub id as copied. */
    @Test
    void aHubIdIsFoundByItsRepositoryName() {
        assertEquals("flux-dev-transformer", ModelCatalog.find("black-forest-labs/FLUX.1-dev").orElseThrow().name());
        assertEquals("command-r-plus", ModelCatalog.find("CohereForAI/c4ai-command-r-plus").orElseThrow().name());
    }
}
