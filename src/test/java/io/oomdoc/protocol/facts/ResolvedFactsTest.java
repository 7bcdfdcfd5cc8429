package io.oomdoc.protocol.facts;

import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the resolver makes of a turn's mentions: which mention a key takes and what the catalogs add. Every sentence
 * is a user turn of the dev conversations (src/test/resources/conversations, file named on each test; each file
 * records its source thread).
 */
class ResolvedFactsTest {
    private static Facts asserted(String turn) { return FactExtractor.read(turn).asserted(); }

    // 46-deepspeed-chatglm6b-lora-4x3090.txt
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void oneOptimizerAmongOtherSetupWordsIsTheOptimizer() {
        Facts f = asserted("6b model (chatglm-6b), lora with ~0.5% of params trainable, deepspeed zero 3, fp16, micro "
                + "batch 1, adam. cuda oom during back-propagation every time");
        assertEquals("adamw", f.optimizer());
    }

    // 39-vgg16-adam-oom-after-first-step.txt
    @Test
    void twoDifferentOptimizersInOneTurnGiveNone() {
        assertNull(asserted("vgg16 pretrained from torchvision. sgd with momentum trains fine at batch 8, switching "
                + "to adam it dies after the first iteration (batch 4 works with adam)").optimizer());
    }

    // 11-llamafactory-7b-zero2-v100.txt
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aCatalogModelTakesTheCatalogsParameterCount() {
        Facts f = asserted("full finetune llama-7b on 8x v100 32g, deepspeed zero stage 2 from the readme example, "
                + "batch size 1 and it still OOMs:");
        assertEquals("llama-7b", f.model());
        assertEquals(ModelCatalog.find("llama-7b").orElseThrow().params(), f.params(), "6.7B, not the name's 7B");
    }

    // 01-nanochat-speedrun-8xh100.txt
    @Test
    void aNanochatDepthNamesTheNanochatModel() {
        Facts f = asserted("ran speedrun.sh on 8x h100 80gb (d20, defaults) and base_train dies in the compiled "
                + "graph:");
        assertEquals("nanochat d20", f.model());
        assertEquals(ModelCatalog.find("nanochat d20").orElseThrow().params(), f.params());
    }

    // 33-diffusers-lora-validation-oom.txt: the laptop RTX 3080 has 16 GB, the desktop card of that name 10 GB
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aStatedSizeFarFromTheCatalogsCardIsTheCardsMemory() {
        Facts f = asserted("following the lora blog post, train_text_to_image_lora.py on my 3080 16 gb laptop card. "
                + "batch 1, fp16, 4 validation images.");
        assertEquals("GeForce RTX 3080", f.gpuName());
        assertEquals(16 * Bytes.GIB, f.gpuMemBytes());
    }

    // 05-llamacpp-65b-two-3090s-ram.txt
    @Test
    void aTotalOverSeveralCardsIsSplitBetweenThem() {
        Facts f = asserted("2x rtx 3090 (48gb vram total), only 32gb system ram, windows.");
        assertEquals(2, f.worldSize());
        assertEquals(24 * Bytes.GIB, f.gpuMemBytes());
        assertEquals(32 * Bytes.GIB, f.hostRamBytes());
    }

    // src/test/resources/corpus/training.jsonl, multi-hmr-50-vit-l-1288px-training (naver/multi-hmr#50)
    @Test
    void mixedPrecisionAloneIsBf16MixedWhenTheCardIsUnknown() {
        assertEquals("mixed-bf16", asserted("I tried freezing several layers and applying mixed precision, but the "
                + "issue still wasn't resolved").precision());
    }

    // 05-llamacpp-65b-two-3090s-ram.txt
    @Test
    void theFirstCardNamedInATextIsTheCatalogCard() {
        assertEquals("GeForce RTX 3090", Names.gpuIn("2x rtx 3090 (48gb vram total), only 32gb system ram, windows."));
        assertNull(Names.gpuIn("only 32gb system ram, windows."));
    }
}
