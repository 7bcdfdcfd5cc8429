package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.FactExtractor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Setup facts that the turns of the burned conversation sets 22 and 23 state and the reader missed: an engine's own
 * name for the context, a DeepSpeed config named by its file, a flag's value that negates no later flag, a product
 * with "try" in its name, the cards' size said of the cards, a Jetson kit's memory. Each
 * turn is a real user's own (fixture and thread on each test).
 */
class SettingsReadWhereTheyStandTest {
    private static FactExtractor.Reading read(String turn) { return FactReader.read(turn); }

    // conversations_heldout22/P13-mod-ollama-chat-bots-memory.txt #5 (DustinHendrickson/mod-ollama-chat#31)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void ollamasNumCtxIsTheContextLength() {
        assertEquals(8192, read("sorry, I misread the config: num_ctx is 8192, not 4096").asserted().seqLen());
    }

    // conversations_heldout23/P30-gemmax-continued-pretrain-zero2.txt #1 (xiaomi-research/gemmax#6)
    @Test
    void theZeroStageOfANamedDeepSpeedConfigIsNotNegatedByAnEarlierFlagsValue() {
        var r = read("continued pre-training with LLaMA-Factory-style args: --finetuning_type full --cutoff_len 512 "
                + "--per_device_train_batch_size 1 --gradient_accumulation_steps 24 --optim adamw_torch --bf16 true "
                + "--flash_attn disabled --packing true --deepspeed ds_z2_config.json. I already made the batch size "
                + "small and it still OOMs.");
        assertEquals(2, r.asserted().asMap().get("zero"));
        assertFalse(r.negated().contains("zero"));
    }

    // conversations_heldout22/P37-idm-vton-a100-20gb-instances.txt #1 (yisol/IDM-VTON#77)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aVirtualTryOnIsAProductNotAnAttempt() {
        var f = read("IDM-VTON (virtual try-on) on an A100 80GB uses about 20 GB of VRAM. how do I use all 80 GB to "
                + "get the most throughput?").asserted();
        assertEquals(80L << 30, f.gpuMemBytes());
    }

    // conversations_heldout23/P06-open3dsg-gnn-two-48gb.txt #4 (boschresearch/Open3DSG#12)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void theCardsSizeSaidOfTheCardsIsTheirMemory() {
        assertEquals(24L << 30, read("actually the cards are 24 GB each, I misread nvidia-smi").asserted()
                .gpuMemBytes());
    }

    // conversations_heldout22/P28-jetson-containers-70b-4bit-32gb-swap.txt #1 (dusty-nv/jetson-containers#372)
    @Test
    void aJetsonKitsSizeIsItsMemory() {
        assertEquals(32L << 30, read("loading a 70B 4-bit quantized model with MLC on a 32 GB Jetson kit: `python3 "
                + "/opt/mlc-llm/benchmark.py --model .../q4f16_ft/params/ ...` prints \"loading\" and then "
                + "\"Killed\", even with a lot of swap.").asserted().gpuMemBytes());
    }
}
