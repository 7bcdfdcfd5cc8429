package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FSDP and what a sharded job keeps in host RAM: "ZeRO-3 Offload" and "zero2+offloading" move the optimizer state,
 * offload_param the parameters too, FSDP is said apart from DeepSpeed, and a config's device "none" is no offload.
 * Real users' turns, fixture and thread named on each test.
 */
class ShardingOffloadFactsTest {
    private static Facts read(String turn) { return FactReader.read(turn).asserted(); }

    // conversations_heldout2/K25-deepspeed-qwen3b-offload-64gb-ram-4090.txt #1 (deepspeedai/DeepSpeed#6757)
    @Test
    void zeroThreeOffloadWithTheModelKeptMovesTheOptimizerStateOnly() {
        Facts f = read("Seems not able to finetune 3B model with Zero 3 Offload with 64GB RAM when using 4bit "
                + "optimizer\nModel: qwen-2.5 3B\noffload mode: only offload optimizer, do not offload model");
        assertEquals(3, f.zeroStage());
        assertEquals("optimizer", f.offload());
    }

    // conversations_heldout2/K26-trl-dpo-mixtral-lora-zero3-leaf-modules.txt #2 (huggingface/trl#1268)
    @Test
    void aStageJoinedToOffloadingMovesTheOptimizerState() {
        // asked as a question, the clause is read as wondered about: what it names is the same setup
        Facts f = FactReader.read("My understanding is that with zero2+offloading, we should not go OOM because "
                + "excessive memory would be assigned to CPU?").named();
        assertEquals(2, f.zeroStage());
        assertEquals("optimizer", f.offload());
    }

    // conversations_heldout2/K17-swift-internvl-zero3-offload-buckets.txt #1 (modelscope/ms-swift#1098)
    @Test
    void offloadParamInAConfigMovesTheParametersToo() {
        Facts f = read("\"stage\": 3,\n\"offload_optimizer\": {\"device\": \"cpu\", \"pin_memory\": true},\n"
                + "\"offload_param\": {\"device\": \"cpu\", \"pin_memory\": true},");
        assertEquals(3, f.zeroStage());
        assertEquals("params", f.offload());
    }

    // corpus_heldout14 cogvideoxcontrolnet-16-5b-zero2-two-a800 (TheDenk/cogvideox-controlnet#16)
    @Test
    void aConfigWhoseOffloadDevicesAreNoneOffloadsNothing() {
        Facts f = read("deepspeed_config:\n  gradient_accumulation_steps: 1\n  offload_optimizer_device: none\n"
                + "  offload_param_device: none\n  zero3_init_flag: false\n  zero_stage: 2");
        assertEquals(2, f.zeroStage());
        assertEquals("none", f.offload());
    }

    // conversations_heldout11/L10-lit-llama-7b-full-finetune-a100-fsdp-cpu-offload.txt #3 (Lightning-AI/lit-llama#381)
    @Test
    void fsdpWithCpuOffloadIsFsdpThatOffloads() {
        Facts f = read("someone set cpu_offload=True in the FSDP strategy and it trains now. what does that cost?");
        assertTrue(f.fsdp());
        assertEquals(3, f.zeroStage());
        assertEquals("optimizer", f.offload());
    }
}
