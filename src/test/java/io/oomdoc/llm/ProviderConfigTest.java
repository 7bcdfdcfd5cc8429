package io.oomdoc.llm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** What the provider settings say when they cannot be used (the providers are the three oomdoc talks to). */
class ProviderConfigTest {
    @TempDir Path config;

    @Test
    void anUnknownProviderNamesTheOnesThatWork() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ProviderConfig.resolve("gemini", null, null, Map.of(), config));
        assertEquals("unknown provider \"gemini\": use openai (any OpenAI-compatible server), anthropic or ollama",
                e.getMessage());
    }

    @Test
    void anthropicWithoutItsKeyNamesTheVariable() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ProviderConfig.resolve("anthropic", null, null, Map.of(), config));
        assertEquals("ANTHROPIC_API_KEY is not set", e.getMessage());
    }

    @Test
    void aRemoteOpenAiServerWithoutAKeyNamesTheVariableAndTheServer() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ProviderConfig.resolve("openai", "https://api.example.com/v1", null, Map.of(), config));
        assertEquals("OPENAI_API_KEY is not set for https://api.example.com/v1", e.getMessage());
    }
}
