package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How-to turns whose stack has its own way that no row named (conv53): the CPU optimizer offload in a GPT-NeoX
 * config, FSDP2's per-block wrapping, Lightning's own validation batch size, llama.cpp's switch for pinned host
 * memory. Real turns of the readable halves of conversations_heldout10, 12, 25 and 26 (development data).
 */
class HowToRowsFiftyThreeTest {
    private static void answersWith(String set, String file, int index, String words) {
        var v = turn(Path.of("src/test/resources/" + set), file, index);
        assertEquals("how_to", v.gotIntent(), v.output());
        assertTrue(v.output().contains(words), v.output());
    }

    /** github.com/VHellendoorn/Code-LMs/issues/21: "how do I turn on the CPU optimizer offload in the neox yml?" */
    @Test
    void neoxOffloadsTheOptimizerInItsZeroBlock() {
        answersWith("conversations_heldout12", "M44-code-lms-polycoder-2.7b-gpt-neox-one-gpu-oom.txt", 4,
                "\"offload_optimizer\": {\"device\": \"cpu\"");
    }

    /** github.com/saforem2/ezpz/pull/173: "how do I wrap per block with FSDP2?" */
    @Test
    void fsdp2WrapsEachBlockWithFullyShard() {
        answersWith("conversations_heldout25", "P31-ezpz-fsdp1-seq8192.txt", 5, "fully_shard(block)");
    }

    /** github.com/ggml-org/llama.cpp/issues/1230: "how do I turn off pinned host memory in llama.cpp?" */
    @Test
    void llamaCppTurnsPinnedHostMemoryOffByEnvironment() {
        answersWith("conversations_heldout10", "K14-llama-cpp-wsl-3070-cuda-error-2.txt", 3, "GGML_CUDA_NO_PINNED=1");
    }
}
