package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Why" and "how much" questions asked in the middle of a real conversation (fixtures in
 * src/test/resources/conversations, each naming its source thread), answered from what the conversation holds.
 */
class WhyFollowUpsTest {
    /**
     * github.com/hiyouga/LlamaFactory/issues/5296: "is that length or something else?" asks for another cause, not
     * whether another process holds the card.
     */
    @Test
    void somethingElseAsAnotherCauseIsNotAnotherProcess() {
        var v = CaseFiguresTest.turn("L13-llamafactory-deepspeed-lora-70b-multi-gpu-oom.txt", 3);
        assertFalse(v.output().contains("nvidia-smi --query-compute-apps"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/vllm-project/vllm/issues/304: "why is the file that big?" after a
     * 65B fp32 checkpoint of over 200GB is the weights table, fp32 at 4 bytes a parameter.
     */
    @Test
    void aFileThatBigIsTheWeightsOfTheModelHeld() {
        var v = CaseFiguresTest.turn("L01-vllm-llama-65b-fp32-single-bin-host-oom.txt", 2);
        assertTrue(v.output().contains("260 GB in fp32"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
