package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.FactExtractor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The framework and the optimizer read from what the user pasted or typed when they are not named as words: a
 * runtime's own error lines, a script's flag (lexicon/facts.tsv rows; issue 13, conv13a's census of the TUNE sets).
 * Each text is a real turn; the set, file and source thread are named.
 */
class StackMarkersTest {
    /** conversations_heldout/H20, https://github.com/patrickbryant1/AFProfile/issues/8 */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void xlasRuntimeErrorIsJax() {
        assertEquals("jax", FactExtractor.extract("ran the example on my 3080 ti:\njaxlib.xla_extension."
                + "XlaRuntimeError: RESOURCE_EXHAUSTED: Out of memory while trying to allocate 4770354232 bytes.\n"
                + "BufferAssignment OOM Debugging.").framework());
    }

    /** conversations_heldout/H50, https://github.com/google-deepmind/jaxline/issues/11 */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void xlasOutOfMemoryMessageIsJax() {
        assertEquals("jax", FactExtractor.extract("trying jaxline with 2 local GPUs and i receive RESOURCE_EXHAUSTED:"
                + " Out of memory while trying to allocate 285212672 bytes.").framework());
    }

    /** conversations_heldout3/L35, https://github.com/lllyasviel/style2paints/issues/76 */
    @Test
    void tensorflowsOpRequiresLineIsTensorflow() {
        assertEquals("tensorflow", FactExtractor.extract("Can you tell me what's the problem \"OP_REQUIRES failed at "
                + "random_op.cc:202 Resource exhausted:OOM when allocating tensor with shape[576,864] and type float "
                + "on /job/localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc\", and how to fix it")
                .framework());
    }

    /** conversations_heldout/H22, https://github.com/huggingface/diffusers/issues/4368 */
    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void diffusersEightBitAdamFlagIsTheOptimizer() {
        assertEquals("adamw-8bit", FactExtractor.extract("colab T4, train_dreambooth_lora_sdxl.py with "
                + "--mixed_precision=\"fp16\" --resolution=1024 --train_batch_size=1 --gradient_checkpointing "
                + "--use_8bit_adam --enable_xformers_memory_efficient_attention.").optimizer());
    }

    /** conversations_heldout2/K25, https://github.com/deepspeedai/DeepSpeed/issues/6757 */
    @Test
    void anEightBitOptimizerIsEightBitAdam() {
        assertEquals("adamw-8bit", FactExtractor.extract("actually it will be an 8-bit optimizer, not 4-bit")
                .optimizer());
    }
}
