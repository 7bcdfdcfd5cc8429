package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A question about one setting of one stack is answered by that setting's row of the knob catalog
 * (knowledge/dialogue/knobs.yaml) before anything else. One question per stack, in the words of a real thread (cited;
 * none is used by a conversation set); each fails with the catalog's rows taken out.
 */
class StackKnobsTest {
    private final Conversation c = new Conversation();

    private void opensWith(String row, String question) {
        Answer a = c.respond(question);
        assertTrue(a.text() != null && a.text().startsWith(row), a.intent() + ": " + a.text());
    }

    private void secondAfterTheFigure(String row, String question) {
        Answer a = c.respond(question);
        java.util.List<String> lines = a.text() == null ? java.util.List.of() : a.text().lines().toList();
        assertTrue(lines.size() > 1 && lines.get(0).startsWith("Training ") && lines.get(1).startsWith(row),
                a.intent() + ": " + a.text());
    }

    /** github.com/vllm-project/vllm/issues/7495: gemma-2-27b on two L40s takes 45 GB per GPU. */
    @Test
    void vllmTakingTheCardIsItsMemoryShare() {
        opensWith("vLLM --gpu-memory-utilization (default: 0.9)", "Using google/gemma-2-27b-it model start by vllm"
                + " with GPU L40x2, but used about 45G per GPU by default. When input a long token, it will OOM. Is"
                + " there a way to reduce GPU memory usage when start? Maybe can lose some performance?");
    }

    /** github.com/xorbitsai/inference/issues/3272: SGLang's static fraction seems to do nothing. */
    @Test
    void sglangsStaticFractionNamedIsExplained() {
        opensWith("SGLang --mem-fraction-static", "I am a beginner using sglang, previously I used the vllm engine. I"
                + " migrated the engine to SGlang and found that SGlang does not pre-allocate GPU memory when loading."
                + " Why does the parameter mem-fraction-static look inoperative?");
    }

    /** github.com/huggingface/text-generation-inference/issues/2160: sizing the prefill budget. */
    @Test
    void tgiPrefillBudget() {
        opensWith("TGI --max-batch-prefill-tokens", "how to calculate the value of max-batch-prefill-tokens where I"
                + " will obtain the least memory consumption?");
    }

    /** github.com/ggml-org/llama.cpp/pull/711 (a user's question in the thread): what mmap does with RAM. */
    @Test
    void llamaCppMemoryMapping() {
        opensWith("llama.cpp --no-mmap", "If one is using mmap, does the program then check whether it has"
                + " sufficient ram anyway and just loads the entire model?");
    }

    /** github.com/ollama/ollama/issues/3090: the model leaves the GPU after a few minutes. */
    @Test
    void ollamaUnloadingIsKeepAlive() {
        opensWith("Ollama keep_alive", "Recently, I used Ollama to build my application. When I run a model, it"
                + " automatically loads onto my GPU. However, after a few minutes, the model seems to be unloaded. How"
                + " can I force the model to always remain loaded on the GPU?");
    }

    /** github.com/deepspeedai/DeepSpeed/issues/2864: the ZeRO-3 buffer knobs. */
    @Test
    void deepSpeedLiveParameters() {
        opensWith("DeepSpeed stage3_max_live_parameters", "what \"max_live_parameters\" and \"max_reuse_distance\""
                + " exactly do?");
    }

    /** github.com/huggingface/transformers/issues/23386: out of memory saving the last FSDP checkpoint. */
    @Test
    void fsdpSaveGathersTheFullStateDict() {
        // conv22a's rule: a failure read as model_too_large opens with the model's cost; the row comes next
        secondAfterTheFigure("PyTorch FSDP StateDictType.FULL_STATE_DICT", "I'm running train.py on 32GB GPUs to finetune"
                + " LLaMA-7B with FSDP turned on. The training process goes well but I get cuda oom when saving the"
                + " final checkpoint. The entire fp32 state dict cannot fit in my gpu memory. Is there any better way"
                + " to handle this?");
    }

    /** github.com/tensorflow/fold/issues/78: allow_growth set, yet every GPU is taken. */
    @Test
    void tensorflowMemoryGrowth() {
        opensWith("TensorFlow/Keras set_memory_growth", "I use Allowing GPU memory growth which worked well in"
                + " tensorflow: config.gpu_options.allow_growth = True. But it still occupies all of the GPU memory of"
                + " all GPUs in this project. How can i fix it?");
    }

    /** github.com/ott-jax/ott/issues/423: JAX holds the card from import on. */
    @Test
    void jaxPreallocation() {
        opensWith("JAX XLA_PYTHON_CLIENT_PREALLOCATE", "jax seems to reserve all the gpu memory at import. So we"
                + " cannot see how much memory is used exactly from the nvidia panels. Is there a more direct way to"
                + " know how much memory is required for a target task?");
    }

    /** github.com/lllyasviel/FramePack/issues/25: out of memory at the VAE decode of a video. */
    @Test
    void diffusersTiledDecode() {
        opensWith("diffusers enable_vae_tiling()", "Hey is there a way to enable tiled vae decode manually? I got"
                + " pass the sampling step and got OOM at the VAE decode stage.");
    }

    /** github.com/Comfy-Org/ComfyUI/issues/2933: --novram on an 8 GB card still uses VRAM. */
    @Test
    void comfyUiNoVram() {
        opensWith("ComfyUI --novram", "My GPU vram is only 8G, so I want to use the --novram option to run the"
                + " more than 12G sdxl model, but I found that vram will still be used after novram is turned on, and"
                + " vram out of memory will still appear.");
    }

    /** github.com/kohya-ss/sd-scripts/issues/2006: VRAM fills while the latent cache is written. */
    @Test
    void kohyaLatentCache() {
        opensWith("kohya sd-scripts --cache_latents", "I am using Kohya sd-script with RTX3060-12G. How do I clear"
                + " VRAM after saving the latent cache and prevent OOM?");
    }

    /** github.com/unslothai/unsloth/issues/3209: what load_in_4bit does. */
    @Test
    void bitsandbytesFourBit() {
        opensWith("bitsandbytes (Transformers) load_in_4bit", "Can someone explain what's load_in_4bit? When do I use"
                + " it, and when do I not?");
    }

    /** github.com/huggingface/trl/issues/2423: precomputed reference log-probs. */
    @Test
    void trlReferenceModel() {
        opensWith("TRL ref_model / precompute_ref_log_probs", "precompute_ref_log_probs not working correctly?");
    }

    /** github.com/unslothai/unsloth/issues/3542: GRPO with fast_inference runs out at load. */
    @Test
    void unslothFastInferenceShare() {
        opensWith("Unsloth gpu_memory_utilization (fast_inference)", "I'm trying to use Unsloth for GRPO"
                + " reinforcement learning. I'd like to confirm whether UNSLOTH_VLLM_STANDBY=1 + fast_inference=True"
                + " is known to spike VRAM / cause OOM.");
    }

    /** github.com/ROCm/legacy-rocm-build/issues/481: watching memory on an AMD GPU. */
    @Test
    void rocmSmiMemory() {
        opensWith("ROCm rocm-smi --showmeminfo vram", "any plan to monitor the GPU memory usage with rocm-smi?");
    }

    /**
     * github.com/vllm-project/vllm/issues/3345: vLLM started with --max-model-len 2046 and a 0.15 share; "Is there any
     * parameters to reduce gpu memory." names no setting, so the stack's settings are listed (the maintainer's answer
     * was --max-model-len and --enforce-eager).
     */
    @Test
    void anyParametersForTheStackListsItsSettings() {
        c.respond("when i run it with: python -m vllm.entrypoints.openai.api_server --model qw7bint4"
                + " --trust-remote-code --max-model-len 2046 --gpu-memory-utilization 0.15");
        Answer a = c.respond("i think 7G is enough, in fact, it need 10G almost. Is there any parameters to reduce gpu"
                + " memory.");
        String first = a.text().lines().findFirst().orElse("");
        assertTrue(first.startsWith("vLLM memory settings:") && first.contains("--enforce-eager"), a.text());
    }

    /**
     * github.com/huggingface/text-generation-inference/issues/636: two TGI limits set to almost nothing and still out
     * of memory. The knobs named are what did not help: the answer lists TGI's other settings, not their rows.
     */
    @Test
    void settingsAlreadyTriedGiveWayToTheOthers() {
        Answer a = c.respond("I try to tweek the number even I set --max-batch-prefill-tokens=1, and"
                + " --max-batch-total-tokens=2 but it is still out of memory. What other things can I do?");
        String first = a.text().lines().findFirst().orElse("");
        assertTrue(first.startsWith("TGI memory settings:") && first.contains("--cuda-memory-fraction"), a.text());
        assertFalse(first.contains("--max-batch-prefill-tokens"), first);
    }
}
