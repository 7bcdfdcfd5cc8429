package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A setting the user changed holds the value it was changed to: "from 4 to 1", "=32 ... down to 1", "switch from an
 * RTX 4090 to an A6000", "bf16 instead of fp16". The turns are real users' own, from the burned conversation sets
 * (the fixture and its thread named on each test).
 */
class ChangedSettingsTest {
    private static Facts stated(String turn) { return FactReader.read(turn).asserted(); }

    // conversations_heldout10/K02-llara-llama-7b-lora-4090-lightning.txt #1 (ljy0ustc/LLaRA#8)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aBatchLoweredFromFourToOneIsOne() {
        assertEquals(1, stated("I run train_movielens.sh on a single 4090 24G. I lowered the batch size from 4 to 1 "
                + "and raised accumulate_grad_batches, and it still says out of memory.").batch());
    }

    // conversations_heldout6/G07-fine-tune-gpt2-batch-1-still-oom.txt #1 (philschmid/fine-tune-GPT-2#2)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aBatchChangedDownToOneIsOne() {
        assertEquals(1, stated("I am getting an out of memory error fine-tuning GPT-2 with the notebook. I changed "
                + "per_device_train_batch_size=32 and per_device_eval_batch_size=64 down to 1 and the error doesn't go "
                + "away.").batch());
    }

    // conversations_heldout5/F20-biggan-tensorflow-256x192x64x64-resource-exhausted.txt #1
    // (taki0112/BigGAN-Tensorflow#12)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aBatchReducedToAValueIsNotMovedByTheNextSettingsChange() {
        assertEquals(256, stated("I have reduced batch_size to 256 and img_size to 128 and the error persists. "
                + "Tensorflow 1.14.0").batch());
    }

    // conversations_heldout5/F17-openpi-pi0-lora-44gb-on-a6000-prealloc.txt #1 (Physical-Intelligence/openpi#284)
    @Test
    void theCardSwitchedToIsTheCard() {
        Facts f = stated("from the readme table I thought it would need less than 24 GB, but it occupies 44 GB, so I "
                + "had to switch from an RTX 4090 to an A6000. I didn't change the code.");
        assertEquals("A6000", f.gpuName());
        assertEquals(48L << 30, f.gpuMemBytes());
    }

    // conversations_heldout17/P05-seeclick-qwen-vl-lora-4x49gb.txt #5 (njucckevin/SeeClick#24)
    @Test
    void aLengthCutFromOneValueToAnotherIsTheOneItIsCutTo() {
        assertEquals(1024, FactReader.read("micro batch 1 runs now. what if I also cut the max length from 2048 to "
                + "1024?").hypothetical().seqLen());
    }
}
