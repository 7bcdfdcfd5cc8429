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

    /**
     * github.com/princeton-vl/RAFT/issues/33: "so why does GPU 0 fill up first?" under nn.DataParallel is answered with
     * what DataParallel keeps on the first device (knowledge/dialogue/notes.yaml), not with device numbering.
     */
    @Test
    void gpuZeroFillsFirstUnderDataParallelBecauseItGathersThere() {
        var v = CaseFiguresTest.turn(CaseFiguresTest.HELD_OUT_10, "K34-raft-dataparallel-2080ti-batch-5.txt", 2);
        assertTrue(v.output().contains("gathers all outputs back on device 0"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/huggingface/accelerate/issues/1507: "why would resuming need more memory than starting fresh?" is
     * torch.load restoring the saved optimizer state onto the device it came from, beside the live one.
     */
    @Test
    void resumingLoadsTheSavedStateBesideTheLiveOne() {
        var v = CaseFiguresTest.turn("K09-accelerate-resume-checkpoint-oom-h100.txt", 2);
        assertTrue(v.output().contains("map_location='cpu'"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/pytorch/pytorch/issues/91165: "why does FSDP want all parameters in a unit to have the same
     * requires_grad?" names a glossary term (FSDP, the ZeRO stages) but asks a mechanism: the passage about the flat
     * parameter follows the definition.
     */
    @Test
    void aWhyQuestionNamingATermAlsoGetsTheMechanism() {
        var v = CaseFiguresTest.turn("L37-pytorch-fsdp-cpu-offload-frozen-params-lora-1.65x.txt", 2);
        assertTrue(v.output().contains("one flat tensor"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/deepspeedai/DeepSpeedExamples/issues/665 (deepspeed --num_gpus 1, --zero_stage 3): "does
     * zero stage 3 even help on a single GPU?" is answered first with why it cannot: nothing to shard over one rank.
     */
    @Test
    void zeroOnOneGpuHasNothingToShardOver() {
        var v = CaseFiguresTest.turn("L12-deepspeed-chat-bloom-3b-lora-32gb-zero3.txt", 3);
        assertTrue(v.output().startsWith("On a single GPU ZeRO has nothing to shard over"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
