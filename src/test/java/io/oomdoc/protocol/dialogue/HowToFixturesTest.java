package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How-to turns of real conversations (fixtures in src/test/resources/conversations, each naming its source thread),
 * played turn by turn: the snippet the stack needs, found from the words the user used.
 */
class HowToFixturesTest {
    /** github.com/ollama/ollama/issues/9753: how much of a 70B q4 sits on the GPU and how much on the CPU. */
    @Test
    void ollamasSplitIsShownByOllamaPs() {
        var v = turn("J24-ollama-llama33-70b-q4-on-24gb-a5000-slow.txt", 4);
        assertTrue(v.output().contains("ollama ps"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/meta-llama/llama-cookbook/issues/332: saving under FSDP without gathering the model on one GPU. */
    @Test
    void savingUnderFsdpWritesShards() {
        var v = turn("J12-llama-cookbook-70b-eight-48gb-oom-at-save.txt", 3);
        assertTrue(v.output().contains("SHARDED_STATE_DICT"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/zai-org/ChatGLM-6B/issues/7: "load it in fp16" is the topic "load in fp16". */
    @Test
    void anObjectPronounDoesNotHideTheTopic() {
        var v = turn("J44-chatglm-6b-half-cuda-killed-at-shards.txt", 4);
        assertTrue(v.output().contains("torch_dtype=torch.float16"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/oobabooga/textgen/issues/2509: a load killed at 0% gets a swap file. */
    @Test
    void swapOnLinuxGetsTheSwapFileSteps() {
        var v = turn("J45-textgen-vicuna-7b-killed-at-0-percent.txt", 4);
        assertTrue(v.output().contains("mkswap"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/vllm-project/vllm/issues/355: "make it take less" with vLLM held is its share. */
    @Test
    void takingLessWithVllmHeldIsItsShareOfTheCard() {
        var v = turn("J22-vllm-opt-125m-takes-11gb-on-t4.txt", 2);
        assertTrue(v.output().startsWith("vLLM --gpu-memory-utilization"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/lemonade-sdk/vllm-rocm/issues/5: "use more of the memory" asks for the same knob. */
    @Test
    void usingMoreOfTheMemoryIsTheShareOfTheCard() {
        var v = turn("K13-vllm-rocm-gfx1151-kv-cache-4gib.txt", 4);
        assertTrue(v.output().startsWith("vLLM --gpu-memory-utilization"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/run-llama/llama_index/issues/8743: "how do I put it in the terminal" is about the variable of the
     * failure held, not about whatever else its words match.
     */
    @Test
    void aVerbOnAPronounKeepsTheTopicOfTheTurnsBefore() {
        var v = turn("K44-llama-index-how-to-set-mps-watermark-ratio.txt", 3);
        assertTrue(v.output().startsWith("mps memory limit"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/Comfy-Org/ComfyUI/issues/5360: more room for loading on Windows without more RAM is the page file. */
    @Test
    void roomForLoadingOnWindowsIsThePageFile() {
        var v = turn("K33-comfyui-flux-dev-3090-16gb-ram-session-ends.txt", 3);
        assertTrue(v.output().contains("Virtual memory"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/haoheliu/AudioLDM2/issues/20, on an M1: freeing the cache on Apple's GPU is torch.mps, not torch.cuda. */
    @Test
    void freeingTheCacheOnMpsUsesTheMpsCall() {
        var v = turn("K43-audioldm2-m1-16gb-mps-oom-text-list.txt", 4);
        assertTrue(v.output().contains("torch.mps.empty_cache()"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
