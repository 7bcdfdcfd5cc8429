package io.oomdoc.knowledge;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The knob catalog (knowledge/dialogue/knobs.yaml) as a registry: every row complete, sourced and reachable. */
class KnobCatalogTest {
    private final KnobCatalog catalog = KnobCatalog.bundled();

    /** The stacks issue 13's ninth round lists, each with rows of its own. */
    private static final List<String> ASKED_FOR = List.of("vllm", "sglang", "tgi", "llamacpp", "ollama", "deepspeed",
            "fsdp", "accelerate", "lightning", "tensorflow", "jax", "diffusers", "comfyui", "kohya", "bitsandbytes",
            "peft", "trl", "unsloth", "rocm", "openmmlab", "detectron2", "ultralytics", "paddle",
            "ctranslate2", "llama-factory");

    @Test
    void everyRowSaysWhatItDoesItsDefaultWhenAndHowAndWhereThatIsWritten() {
        for (KnobCatalog.Knob k : catalog.knobs()) {
            String id = k.stack() + " " + k.name();
            assertFalse(k.effect().isBlank(), id + ": effect");
            assertFalse(k.byDefault().isBlank(), id + ": default");
            assertFalse(k.when().isBlank(), id + ": when");
            assertFalse(k.syntax().isBlank(), id + ": syntax");
            assertTrue(k.source().startsWith("https://"), id + ": source " + k.source());
            assertFalse(k.names().isEmpty() && k.asks().isEmpty(), id + ": nothing a turn could name it by");
        }
    }

    @Test
    void everyRowBelongsToADeclaredStackAndEveryStackHasRows() {
        Set<String> declared = catalog.stacks().stream().map(KnobCatalog.Stack::id).collect(Collectors.toSet());
        catalog.knobs().forEach(k -> assertTrue(declared.contains(k.stack()), k.name() + ": " + k.stack()));
        for (String st : declared) {
            assertTrue(catalog.knobs().stream().anyMatch(k -> k.stack().equals(st)), st + " has no row");
        }
        assertTrue(declared.containsAll(ASKED_FOR), "missing stacks: " + ASKED_FOR.stream()
                .filter(s -> !declared.contains(s)).toList());
    }

    /**
     * A spelling is the stack's own identifier (gpu_memory_utilization, --no-mmap), which names the knob on its own;
     * an English phrase ("context length") would pull a row into any conversation and belongs with the effect words.
     */
    @Test
    void spellingsAreIdentifiersNotPhrases() {
        for (KnobCatalog.Knob k : catalog.knobs()) {
            for (String n : k.names()) assertFalse(n.contains(" "), k.name() + ": '" + n + "'");
        }
    }

    /** Two rows of one stack spelled the same could never both be found. */
    @Test
    void noSpellingNamesTwoRowsOfOneStack() {
        Map<String, String> owner = new HashMap<>();
        for (KnobCatalog.Knob k : catalog.knobs()) {
            for (String n : k.names()) {
                String key = k.stack() + "|" + n.replaceAll("(?<=[a-z0-9])[-_](?=[a-z0-9])", " ");
                String before = owner.putIfAbsent(key, k.name());
                assertTrue(before == null || before.equals(k.name()), key + ": " + before + " and " + k.name());
            }
        }
    }
}
