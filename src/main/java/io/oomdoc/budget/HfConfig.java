package io.oomdoc.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a Hugging Face config.json into a ModelSpec, accepting the field names of the common families. */
public final class HfConfig {
    private HfConfig() {}

    public static ModelSpec read(Path file) throws IOException {
        if (Files.size(file) > 4_000_000) throw new IOException("too large for a config.json");
        JsonNode c = new ObjectMapper().readTree(file.toFile());
        if (c.has("text_config")) c = c.get("text_config");
        int layers = first(c, "num_hidden_layers", "n_layer", "num_layers", "n_layers");
        int hidden = first(c, "hidden_size", "n_embd", "d_model", "dim");
        int heads = first(c, "num_attention_heads", "n_head", "num_heads", "n_heads");
        int kv = first(c, "num_key_value_heads", "n_kv_heads", "multi_query_group_num");
        int ffn = first(c, "intermediate_size", "n_inner", "d_ff", "ffn_dim");
        int vocab = first(c, "vocab_size", "padded_vocab_size");
        int experts = first(c, "num_local_experts", "num_experts", "n_routed_experts");
        int active = first(c, "num_experts_per_tok", "moe_topk");
        // Qwen2/3-MoE and DeepSeek give each routed expert its own width; intermediate_size is then the dense MLP's
        // (Qwen3-30B-A3B: 768 against 6144, read as 6144 it made a 232B model of a 30B one). Mixtral has only the one.
        int expertFfn = first(c, "moe_intermediate_size");
        int denseFfn = ffn;
        if (experts > 0 && expertFfn > 0) ffn = expertFfn;
        boolean tied = c.path("tie_word_embeddings").asBoolean(true);
        if (layers <= 0 || hidden <= 0 || heads <= 0) throw new IOException("no layer/hidden/head sizes found (is "
                + "this a model config.json?)");
        String name = c.path("_name_or_path").asText(c.path("model_type").asText(file.getFileName().toString()));
        int headDim = first(c, "head_dim", "kv_channels");
        ModelSpec m = ModelSpec.fromArchitecture(name, layers, hidden, heads, kv, ffn, vocab, tied, experts, active,
                headDim * heads == hidden ? 0 : headDim, mlp(c));
        if (experts <= 0) return m;
        long extra = moeExtraParams(c, m, experts, denseFfn);
        return new ModelSpec(m.name(), m.params() + extra, m.layers(), m.hidden(), m.heads(), m.kvHeads(), m.ffn(),
                m.vocab(), m.tiedEmbeddings(), m.expertsTotal(), m.expertsActive(), m.headDimension(), m.mlp(),
                m.logitSoftcap());
    }

    /**
     * What a mixture of experts holds beyond its routed experts in every layer, which is all the shape counts: the
     * shared experts every token also goes through (Qwen2-MoE's shared_expert_intermediate_size; DeepSeek's
     * n_shared_experts, each as wide as a routed expert), and the layers that keep a dense MLP of intermediate_size
     * instead of experts (DeepSeek's first_k_dense_replace and moe_layer_freq; Qwen-MoE's decoder_sparse_step and
     * mlp_only_layers), as each family's transformers modeling code decides per layer.
     */
    static long moeExtraParams(JsonNode c, ModelSpec m, int experts, int denseFfn) {
        int matrices = m.gated() ? 3 : 2;
        int shared = first(c, "shared_expert_intermediate_size");
        if (shared == 0) shared = first(c, "n_shared_experts", "num_shared_experts") * m.ffn();
        int sparse = 0;
        for (int i = 0; i < m.layers(); i++) if (sparseLayer(c, i)) sparse++;
        long perSparse = (long) matrices * m.hidden() * shared;
        long perDense = (long) matrices * m.hidden() * ((long) denseFfn - (long) experts * m.ffn());
        return sparse * perSparse + (m.layers() - sparse) * perDense;
    }

    private static boolean sparseLayer(JsonNode c, int i) {
        int firstDense = first(c, "first_k_dense_replace");
        int freq = Math.max(1, first(c, "moe_layer_freq", "decoder_sparse_step"));
        for (JsonNode dense : c.path("mlp_only_layers")) if (dense.asInt() == i) return false;
        // DeepSeek counts from 0 after its dense first layers; Qwen-MoE takes every step-th layer from 1
        return c.has("first_k_dense_replace") ? i >= firstDense && i % freq == 0 : (i + 1) % freq == 0;
    }

    /**
     * The MLP kind: a config names its family, not its MLP. The families below are gated (gate, up, down:
     * SwiGLU/GeGLU) or plain (up, down) in their transformers modeling code; T5 says so in feed_forward_proj.
     */
    static ModelSpec.Mlp mlp(JsonNode c) {
        String type = c.path("model_type").asText("");
        if (c.path("feed_forward_proj").asText("").startsWith("gated")) return ModelSpec.Mlp.GATED;
        if (GATED.contains(type)) return ModelSpec.Mlp.GATED;
        String act = c.path("activation_function").asText(c.path("hidden_act").asText(""));
        if (act.equals("gelu_new")) return ModelSpec.Mlp.NEW_GELU;
        if (PLAIN.contains(type)) return ModelSpec.Mlp.PLAIN;
        return ModelSpec.Mlp.GUESS;
    }

    private static final java.util.Set<String> GATED = java.util.Set.of("llama", "mistral", "mixtral", "qwen2",
            "qwen2_moe", "qwen3", "qwen3_moe", "gemma", "gemma2", "gemma3_text", "phi3", "olmo", "olmo2", "granite",
            "cohere", "deepseek_v2", "deepseek_v3", "internlm2", "stablelm", "chatglm", "baichuan");
    private static final java.util.Set<String> PLAIN = java.util.Set.of("gpt2", "gpt_neox", "gptj", "falcon", "phi",
            "bert", "roberta", "opt", "bloom", "starcoder2", "gpt_bigcode", "vit", "nanochat");

    private static int first(JsonNode c, String... names) {
        for (String n : names) if (c.hasNonNull(n) && c.get(n).isNumber()) return c.get(n).asInt();
        return 0;
    }
}
