package io.oomdoc.protocol;

import io.oomdoc.util.Resources;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** model/engines.tsv is the one list of engines that only run models: every answer reads it, each row is reachable. */
class EnginesTest {
    /** Framework values only the trace reader's own table gives (TraceAnalyzer: "exllama" -> exllamav2, onnxruntime). */
    private static final Set<String> FROM_TRACES_ONLY = Set.of("exllamav2", "onnxruntime");

    @Test
    void tensorRtLlmAndLmDeployServeAsVllmDoes() {
        assertTrue(Engines.serves("tensorrt-llm"));
        assertTrue(Engines.serves("lmdeploy"));
        assertTrue(Engines.serves("vllm"));
    }

    @Test
    void aGenerationFrontEndRunsModelsWithoutServingThem() {
        assertTrue(Engines.runsModelsOnly("comfyui"));
        assertFalse(Engines.serves("comfyui"));
        assertFalse(Engines.runsModelsOnly("hf-trainer"));
        assertFalse(Engines.runsModelsOnly(null));
    }

    @Test
    void onlyLlamaCppAndOllamaPlaceWholeLayers() {
        assertTrue(Engines.placesLayers("llamacpp"));
        assertTrue(Engines.placesLayers("ollama"));
        assertFalse(Engines.placesLayers("vllm"));
    }

    @Test
    void aRowAddedToTheTableIsRead() {
        var rows = Engines.parse("mlc-llm\tserves\tlayers\n");
        assertEquals(new Engines.Row("mlc-llm", true, true), rows.get("mlc-llm"));
    }

    @Test
    void aRowWithAnUnknownKindFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> Engines.parse("vllm\tserving\t-\n"));
    }

    /** Each engine is a framework value something produces: a stack of stacks.tsv or a framework the lexicon sets. */
    @Test
    void everyEngineIsAFrameworkOomdocCanRead() {
        Set<String> produced = new HashSet<>(FROM_TRACES_ONLY);
        StackTable.rows().forEach(r -> produced.add(r.name()));
        Matcher m = Pattern.compile("framework=([\\w.-]+)").matcher(Resources.text("lexicon/facts.tsv"));
        while (m.find()) produced.add(m.group(1));
        for (String line : Resources.text(Engines.TABLE).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String name = line.split("\t")[0];
            assertTrue(produced.contains(name), name + " is named by no stack, lexicon row or trace framework");
        }
    }
}
