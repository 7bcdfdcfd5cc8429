package io.oomdoc.protocol;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which stack the failing job runs on, so that fixes come in its own knobs: a vLLM server gets engine flags, a
 * JAX job XLA's environment variables, a training loop the PyTorch ladder. Names match the knowledge fixes' stacks.
 */
public final class Stacks {
    public static final Set<String> SERVING = Set.of("vllm", "sglang", "tgi", "llamacpp");

    private static final Object[][] MARKERS = {
            {"vllm", Pattern.compile("vllm|gpu_memory_utilization|cache blocks|max_model_len")},
            {"sglang", Pattern.compile("sglang|mem[-_]fraction[-_]static")},
            {"tgi", Pattern.compile("text[-_]generation[-_](?:inference|launcher|server)|\\btgi\\b"
                    + "|max_batch_total_tokens")},
            {"llamacpp", Pattern.compile("llama\\.cpp|llama-server|\\bggml|\\.gguf|ollama|num_ctx|n_ctx|llamafile")},
            {"jax", Pattern.compile("\\bjax\\b|\\bxla\\b|xlaruntimeerror|\\bflax\\b|optax")},
            {"tensorflow", Pattern.compile("tensorflow|\\bkeras\\b|resourceexhaustederror|\\btf\\.")},
    };

    private Stacks() {}

    public static String of(Evidence e, Category cause) {
        String text = e.allTextLower();
        if (text.length() > 200_000) text = text.substring(0, 100_000) + text.substring(text.length() - 100_000);
        for (Object[] m : MARKERS) if (((Pattern) m[1]).matcher(text).find()) return (String) m[0];
        if (cause == Category.KV_CACHE_INFERENCE) return "generate".equals(generation(text)) ? "generate" : "vllm";
        return generation(text);
    }

    private static String generation(String text) {
        return text.contains(".generate(") || text.contains("generation_utils") || text.contains("generation/utils")
                ? "generate" : "training";
    }

    public static boolean serving(String stack) { return SERVING.contains(stack); }
}
