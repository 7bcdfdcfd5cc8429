package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cards, counts and batches written the way configs, clusters and shops write them: nodes times cards per node, a
 * card modded to more memory, a "Ti Super" with its own size, a batch size under a YAML config path. The turns are real users' own, from the burned
 * conversation sets 20 and 21 (the fixture and its thread named on each test).
 */
class CardsAndBatchesSaidOtherwiseTest {
    private static Facts stated(String turn) { return FactReader.read(turn).asserted(); }

    // conversations_heldout21/P45-vigogne-llama30b-torchrun-16-gpus.txt #1 (bofenghuang/vigogne#10)
    @Test
    void nodesTimesCardsPerNodeAreTheJobsCards() {
        assertEquals(16, stated("fine-tuning vigogne's LoRA recipe on LLaMA-30B with torchrun on 2 nodes x 8 A100 "
                + "(80 GB), base weights loaded in 8-bit. OOM appears.").worldSize());
    }

    // conversations_heldout20/P24-memo-2080ti-22gb-32gib-request.txt #1 (memoavatar/memo#33)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aCardModdedToMoreMemoryHasTheNewSize() {
        assertEquals(22L << 30, stated("running MEMO's inference.py on a 2080 Ti modded to 22 GB:").gpuMemBytes());
    }

    // conversations_heldout20/P28-diffv2ir-3090-batch-1-training.txt #1 (LidongWang-26/DiffV2IR#14)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aBatchSizeUnderAConfigPathIsTheBatch() {
        assertEquals(1, stated("training DiffV2IR (a latent diffusion visible-to-infrared model) from scratch on an "
                + "RTX 3090 24 GB, PyTorch 2.7.1 with PyTorch Lightning 1.4.2. I set data.params.batch_size: 1 in "
                + "configs/train.yaml and it still dies with CUDA out of memory during the first epoch.").batch());
    }

    // conversations_heldout20/P04-codellama-7b-4070-then-3070.txt #6 (meta-llama/codellama#82)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aTiSuperCardKeepsTheSizeSaidWithIt() {
        Facts f = stated("correction on the first machine: it's a 4070 Ti Super with 16 GB, not the 12 GB 4070.");
        assertEquals("GeForce RTX 4070 Ti Super", f.gpuName());
        assertEquals(16L << 30, f.gpuMemBytes());
    }
}
