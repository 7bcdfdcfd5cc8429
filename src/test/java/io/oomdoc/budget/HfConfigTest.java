package io.oomdoc.budget;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Reading a Hugging Face config.json into a shape, on the real configs in hf_configs/ (sources in SOURCES.md).
 * Written to kill the mutants PIT left alive in HfConfig and ModelSpec.fromArchitecture.
 */
class HfConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelSpec read(String name) throws IOException {
        return HfConfig.read(Fixtures.path("hf_configs/" + name));
    }

    @Test
    void llamaThreeTwoKeepsItsGroupedKeyValueHeadsAndItsOwnFfnWidth() throws IOException {
        ModelSpec m = read("llama-3.2-3b-config.json");
        assertEquals(28, m.layers());
        assertEquals(3072, m.hidden());
        assertEquals(24, m.heads());
        assertEquals(8, m.kvHeads());
        assertEquals(8192, m.ffn());
        assertEquals(128256, m.vocab());
        assertTrue(m.tiedEmbeddings());
        assertEquals(ModelSpec.Mlp.GATED, m.mlp());
    }

    @Test
    void aHeadDimThatIsHiddenOverHeadsIsNotRecordedAsASeparateHeadSize() throws IOException {
        // 128 x 24 = 3072: the stated head_dim adds nothing to hidden / heads
        ModelSpec m = read("llama-3.2-3b-config.json");
        assertEquals(0, m.headDimension());
        assertEquals(128, m.headDim());
    }

    @Test
    void aHeadDimApartFromHiddenOverHeadsIsKept() throws IOException {
        // Gemma 2 9B: 16 heads of 256 = 4096, wider than its hidden size 3584
        assertEquals(256, read("gemma-2-9b-it-config.json").headDimension());
    }

    @Test
    void llamaThreeTwoCountsAttentionGatedMlpNormsAndOneTiedEmbedding() throws IOException {
        // per layer: q,o 2*3072*3072 + k,v 2*3072*8*128 + gate,up,down 3*3072*8192 + 4*3072 norms = 108,015,616;
        // x 28 layers + 128,256 x 3072 tied embedding = 3,212,918,784 (the model card says 3.21B)
        assertEquals(3_212_918_784L, read("llama-3.2-3b-config.json").params());
    }

    @Test
    void gptTwoCountsAPlainFourTimesWideMlpAndOneTiedEmbedding() throws IOException {
        // per layer: attention 4*768^2 + up,down 2*768*3072 + 4*768 norms = 7,080,960; x 12 + 50,257 x 768
        ModelSpec m = read("gpt2-config.json");
        assertEquals(123_568_896L, m.params());
        assertEquals(12, m.kvHeads(), "no num_key_value_heads: every head has its own keys and values");
        assertEquals(3072, m.ffn(), "no n_inner: GPT-2's MLP is 4 x n_embd");
        assertEquals("gpt2", m.name(), "no _name_or_path: the model_type names it");
    }

    @Test
    void gptTwoIsAPlainMlpFamilyWithTransformersPythonGelu() throws IOException {
        // activation_function "gelu_new": a plain up/down MLP (not gated) through NewGELUActivation
        var config = JSON.readTree(Fixtures.path("hf_configs/gpt2-config.json").toFile());
        assertEquals(ModelSpec.Mlp.NEW_GELU, HfConfig.mlp(config));
        assertFalse(read("gpt2-config.json").gated());
    }

    @Test
    void gemmaTwoIsAGatedMlpFamily() throws IOException {
        var config = JSON.readTree(Fixtures.path("hf_configs/gemma-2-9b-it-config.json").toFile());
        assertEquals(ModelSpec.Mlp.GATED, HfConfig.mlp(config));
    }

    @ParameterizedTest
    @ValueSource(strings = {"n_layer", "n_embd", "n_head"})
    void aConfigWithoutLayersWidthOrHeadsIsRefused(String field, @TempDir Path dir) throws IOException {
        ObjectNode config = (ObjectNode) JSON.readTree(Fixtures.path("hf_configs/gpt2-config.json").toFile());
        config.remove(field);
        Path file = dir.resolve("config.json");
        JSON.writeValue(file.toFile(), config);
        assertThrows(IOException.class, () -> HfConfig.read(file));
    }

    @Test
    void aConfigOfExactlyFourMillionBytesIsStillRead(@TempDir Path dir) throws IOException {
        assertEquals(12, HfConfig.read(padded(dir, 4_000_000)).layers());
    }

    @Test
    void aFileOverFourMillionBytesIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path file = padded(dir, 4_000_001);
        IOException e = assertThrows(IOException.class, () -> HfConfig.read(file));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    /** GPT-2's config followed by spaces (still valid JSON) up to exactly {@code size} bytes. */
    private static Path padded(Path dir, int size) throws IOException {
        byte[] config = Files.readAllBytes(Fixtures.path("hf_configs/gpt2-config.json"));
        byte[] out = new byte[size];
        java.util.Arrays.fill(out, (byte) ' ');
        System.arraycopy(config, 0, out, 0, config.length);
        return Files.write(dir.resolve("config.json"), out);
    }

    @Test
    void aMixtureOfExpertsCountsEachRoutedExpertAtItsOwnWidth() throws IOException {
        ModelSpec m = read("qwen3-30b-a3b-config.json");
        assertEquals(768, m.ffn(), "moe_intermediate_size, not the dense intermediate_size");
        assertEquals(128, m.expertsTotal());
        long catalog = ModelCatalog.find("qwen3-30b-a3b").orElseThrow().params();
        assertEquals(1.0, m.params() / (double) catalog, 0.01, "30.5B parameters, as the catalog row says");
    }
    @Test
    void aSharedExpertInEveryLayerIsCountedBesideTheRoutedOnes() throws IOException {
        // Qwen1.5-MoE-A2.7B: 60 routed experts of 1408 and one shared expert of 5632 per layer; 14.3B in total
        ModelSpec m = read("qwen1.5-moe-a2.7b-config.json");
        assertEquals(1408, m.ffn());
        assertEquals(14.3e9, m.params(), 14.3e9 * 0.01);
    }

    @Test
    void deepSeekCountsItsSharedExpertsAndItsDenseFirstLayer() throws IOException {
        // DeepSeek-V2-Lite: 2 shared experts of 1408 in 26 sparse layers, a dense 10944-wide MLP in layer 0; 15.7B
        ModelSpec m = read("deepseek-v2-lite-config.json");
        assertEquals(64, m.expertsTotal());
        assertEquals(15.7e9, m.params(), 15.7e9 * 0.02);
        long shared = 26L * 3 * 2048 * 2 * 1408;
        long dense = 3L * 2048 * (10944 - 64L * 1408);
        var c = JSON.readTree(Fixtures.path("hf_configs/deepseek-v2-lite-config.json").toFile());
        ModelSpec routedOnly = ModelSpec.fromArchitecture("v2-lite", 27, 2048, 16, 16, 1408, 102400, false, 64, 6, 0,
                ModelSpec.Mlp.GATED);
        assertEquals(shared + dense, HfConfig.moeExtraParams(c, routedOnly, 64, 10944));
    }

    @Test
    void aMixtureWithoutSharedExpertsOrDenseLayersGainsNothing() throws IOException {
        var c = JSON.readTree(Fixtures.path("hf_configs/qwen3-30b-a3b-config.json").toFile());
        ModelSpec m = read("qwen3-30b-a3b-config.json");
        assertEquals(0, HfConfig.moeExtraParams(c, m, 128, 6144));
    }
}
