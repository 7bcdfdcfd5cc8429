package io.oomdoc.budget;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Families added to catalog/models.csv in the catalog9 session: each name as people type it finds a row whose total
 * parameter count is within 2% of the figure its model card states (sources in catalog/models-sources.md).
 */
class CurrentModelFamiliesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "gpt-oss-20b, 21e9", "gpt-oss 120b, 117e9", "SmolLM2-135M-Instruct, 135e6",
            "Llama-4-Scout-17B-16E-Instruct, 109e9", "llama 4 maverick, 400e9"})
    void aCurrentFamilyHasTheSizeOnItsCard(String name, double card) {
        ModelSpec m = ModelCatalog.find(name).orElseThrow(() -> new AssertionError(name));
        assertTrue(Math.abs(m.params() - card) <= 0.02 * card, name + ": " + m.params());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gpt-oss-20b, 32, 4, 64", "gpt-oss-120b, 128, 4, 64"})
    void gptOssKeepsItsExpertsAndItsSixtyFourWideHeads(String name, int experts, int active, int headDim) {
        ModelSpec m = ModelCatalog.find(name).orElseThrow();
        assertEquals(experts, m.expertsTotal());
        assertEquals(active, m.expertsActive());
        assertEquals(headDim, m.headDimension());
    }
}
