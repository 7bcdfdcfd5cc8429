package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A training script names the release it fine-tunes as its Hub id, usually the chat or instruction-tuned one
 * ("meta-llama/Llama-3.2-3B-Instruct" in the LZU HPC 2025 report's finetune.py, yunyunfanfan/LZU_HPC_AI_2025_solution
 * at d162b88); the release has its base's shape, so the catalog answers with the base row.
 */
class ReleaseTagLookupTest {
    private static String found(String name) {
        return ModelCatalog.find(name).map(ModelSpec::name).orElse("none");
    }

    @Test
    void anInstructReleaseIsItsBase() {
        assertEquals("llama-3.2-3b", found("meta-llama/Llama-3.2-3B-Instruct"));
        assertEquals("qwen2.5-7b", found("Qwen/Qwen2.5-7B-Instruct"));
    }

    @Test
    void anItAndAChatHfReleaseAreTheirBase() {
        assertEquals("gemma-2-9b", found("google/gemma-2-9b-it"));
        assertEquals("llama-2-7b", found("meta-llama/Llama-2-7b-chat-hf"));
    }

    @Test
    void aNameThatIsNoModelStaysUnknown() {
        assertTrue(ModelCatalog.find("acme/widget-instruct").isEmpty());
    }
}
