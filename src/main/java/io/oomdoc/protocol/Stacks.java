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
            {"llamacpp", Pattern.compile("llama[.\\-_]cpp|llama-server|\\bggml|\\.gguf|ollama|num_ctx|n_ctx"
                    + "|llamafile")},
            {"jax", Pattern.compile("\\bjax\\b|\\bxla\\b|xlaruntimeerror|\\bflax\\b|optax")},
            {"tensorflow", Pattern.compile("tensorflow|\\bkeras\\b|resourceexhaustederror|\\btf\\.")},
    };

    /**
     * Inference outside a serving engine (a diffusers pipeline, sentence-transformers' encode, a script that loads a
     * model and predicts): its fixes are the weights' format, offload and a smaller batch, never a training rung.
     */
    private static final Pattern INFERENCE = Pattern.compile("\\binferenc|txt2img|img2img|\\bpipeline\\b|pipe\\("
            + "|diffusionpipeline|sentence[-_ ]?transformer|\\.encode\\(|\\bencod(?:e|ing) (?:\\d|around|about|the"
            + "|my|all)|inference_mode|\\btranscrib|\\bpredict(?:ion|ing)?\\b|\\bgenerat(?:e|ing) (?:an? )?(?:images?"
            + "|videos?|audio|samples?)");
    private static final Pattern TRAINING = Pattern.compile("\\btrain|fine-?tun|finetun|backward|optimi[sz]er|\\bloss"
            + "\\b|\\blora\\b|\\bepochs?\\b|\\bdreambooth|accumulat|\\bgrad(?:ient)?s?\\b");

    private Stacks() {}

    public static String of(Evidence e, Category cause) {
        String text = e.allTextLower();
        if (text.length() > 200_000) text = text.substring(0, 100_000) + text.substring(text.length() - 100_000);
        for (Object[] m : MARKERS) if (((Pattern) m[1]).matcher(text).find()) return (String) m[0];
        if (cause == Category.KV_CACHE_INFERENCE) return "generate".equals(generation(text)) ? "generate" : "vllm";
        return generation(text);
    }

    private static String generation(String text) {
        if (text.contains(".generate(") || text.contains("generation_utils") || text.contains("generation/utils"))
            return "generate";
        return INFERENCE.matcher(text).find() && !TRAINING.matcher(text).find() ? "inference" : "training";
    }

    public static boolean serving(String stack) { return SERVING.contains(stack); }
}
