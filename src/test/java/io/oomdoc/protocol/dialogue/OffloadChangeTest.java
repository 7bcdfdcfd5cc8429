package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What-ifs that move memory to the CPU, computed from the setup held: layers kept on the GPU (llama.cpp -ngl,
 * Ollama num_gpu), the optimizer state offloaded (ZeRO offload_optimizer), vLLM's --cpu-offload-gb. Turns are the
 * conversation sets' own; each test cites its file.
 */
class OffloadChangeTest {
    private final Conversation c = new Conversation();

    /** conversations/05-llamacpp-65b-two-3090s-ram.txt #3 (ggml-org/llama.cpp): "offload" in llama.cpp's sense. */
    @Test
    void layersOffloadedToTheGpuAreTheirShareOfTheWeightsAgainstTheCard() {
        c.respond("running llama 65b q4_0 with llama.cpp on a 3090 24GB");
        Answer a = c.respond("what if i only offload 60 layers?");
        assertEquals(Intent.WHAT_IF, a.intent());
        assertTrue(a.text().startsWith("With 60 of 80 layers on the GPU"), a.text());
        assertTrue(a.text().contains("stays in host RAM"), a.text());
        assertTrue(a.text().contains("layers fit this card"), a.text());
    }

    /** conversations_heldout6/G17-ollama-rtx2070-8gb-uses-only-6gb.txt #4 (ollama/ollama#7629), with a model named. */
    @Test
    void ollamasNumGpuToACountIsTheLayersOnTheGpu() {
        c.respond("I run qwen2.5 14b with ollama on my RTX 3060 12GB");
        Answer a = c.respond("what if I force num_gpu to 41");
        assertTrue(a.text().startsWith("With 41 of 48 layers on the GPU"), a.text());
        assertTrue(a.text().contains("more than 12.00 GiB"), a.text());
    }

    /** conversations_heldout5/F07-tencentpretrain-zero3-offload-cant-allocate-ram.txt #4 (Tencent/TencentPretrain). */
    @Test
    void offloadingTheOptimizerIsThePeakWithoutItsStateAndTheHostRamItTakes() {
        c.respond("DeepSpeedZeRoOffload initialization failed (can't allocate memory). I continue pretraining a 7B"
                + " llama (13GB file) with --enable_zero3, --deepspeed_checkpoint_activations and --batch_size 24 on"
                + " one A100 40G.");
        Answer a = c.respond("what if I only offload the optimizer with ZeRO-2");
        assertTrue(a.text().startsWith("Optimizer state offloaded to the CPU: estimated peak"), a.text());
        assertTrue(a.text().contains("host RAM takes the optimizer state"), a.text());
    }

    /** conversations_heldout2/K25-deepspeed-qwen3b-offload-64gb-ram-4090.txt #5: the peak without offload. */
    @Test
    void notOffloadingGivesThePeakWithTheStatesOnTheGpu() {
        c.respond("full fine-tune of qwen2.5-3b with deepspeed zero 2 and optimizer offload on one 4090, seq 1024,"
                + " batch 1");
        Answer a = c.respond("what if i don't offload at all and keep everything on the 4090");
        assertTrue(a.text().startsWith("Without offload, optimizer state on the GPU: estimated peak"), a.text());
    }

    /** A diffusers pipeline's model offload moves pipeline parts, not optimizer state: no training figure. */
    @Test
    void aPipelinesModelCpuOffloadIsNotReadAsOptimizerOffload() {
        c.respond("full fine-tune of llama-2-7b on one A100 80GB, seq 2048, batch 4");
        Answer a = c.respond("what if I turn on model cpu offload?");
        assertFalse(a.text().contains("Optimizer state offloaded"), a.text());
    }

    /** vLLM's --cpu-offload-gb: that much of the weights stays in host RAM (docs.vllm.ai engine arguments). */
    @Test
    void vllmsCpuOffloadGbTakesThatMuchOfTheWeightsOffTheCard() {
        c.respond("I serve Llama-3.1-8B-Instruct with vLLM on one RTX 4090 24GB, max-model-len 32768");
        Answer a = c.respond("what if I use cpu-offload-gb 4?");
        assertTrue(a.text().startsWith("--cpu-offload-gb keeps 4.00 GiB of the"), a.text());
    }

    /**
     * conversations_heldout8/I52-llama-cpp-kv-cache-on-cpu-with-one-gpu-layer.txt #3 (ggml-org/llama.cpp), asked of a
     * catalog model (I52's Mistral Large is not in the catalog): the count that fits, from weights and cache per layer.
     */
    @Test
    void howManyLayersFitIsCountedFromWeightsAndCachePerLayer() {
        c.respond("running llama 65b q4_0 with llama.cpp on a 3090 24GB");
        Answer a = c.respond("how many of its layers could the 24 GB 3090 hold?");
        assertTrue(a.text().startsWith("About "), a.text());
        assertTrue(a.text().contains("of its 80 layers fit the 24.00 GiB card"), a.text());
    }
}
