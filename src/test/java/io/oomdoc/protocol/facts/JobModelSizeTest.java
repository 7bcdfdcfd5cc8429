package io.oomdoc.protocol.facts;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Which size is the job's when a report names several: the model the job trains or serves, not a part of it or a
 * count of something else. The reports are corpus cases (each case's "source" is its thread).
 */
class JobModelSizeTest {
    private static Case corpusCase(String id) {
        return Corpus.inTrainable(id).orElseThrow();
    }

    /** haotian-liu/LLaVA#68: "--model_name /path to /LLaVA_13B_v0/" beside "--vision_tower openai/clip-vit-...". */
    @Test
    void aWeightsFolderWithItsSizeInItsNameIsTheJobsModelRatherThanItsVisionTower() {
        Facts f = FactExtractor.extract(corpusCase("llava-68-13b-one-a100-80g-first-backward").paste());
        assertEquals(13_000_000_000L, f.params());
        assertNotEquals("clip-vit-l-14", f.model());
    }

    /** The same thread: the reporter runs the 13B LLaVA; the log's only catalog model is its 428M CLIP tower. */
    @Test
    void aSizeTheUserStatesBeatsASmallerModelTheLogNames() {
        Case c = corpusCase("llava-68-13b-one-a100-80g-first-backward");
        String tower = c.paste().lines().filter(l -> l.contains("--vision_tower")).findFirst().orElseThrow();
        Facts f = FactExtractor.extract(c.context() + "\n" + tower);
        assertEquals(13_000_000_000L, f.params());
        assertNull(f.model(), "the tower's name no longer stands for the job's model");
    }

    /**
     * meta-llama/llama#52's first sentence ("the example inference using the 7B model weights") with the checkpoint
     * named after it: a rounded size of the named model keeps the catalog's model and its exact count.
     */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aRoundedSizeOfTheNamedModelKeepsTheCatalogModel() {
        Facts f = FactExtractor.extract("I've been trying to run the example inference using the 7B model weights"
                + " of llama-2-7b, but I get: torch.cuda.OutOfMemoryError: CUDA out of memory.");
        assertEquals("llama-2-7b", f.model());
        assertEquals(6_738_415_616L, f.params());
    }

    /** huggingface/nanotron#204: "a large dataset of about 10B tokens" counts tokens, not parameters. */
    @Test
    void billionsOfTokensAreNotAModelSize() {
        assertNull(FactExtractor.extract(corpusCase("nanotron-204-nccl-timeout-grouping-texts").context()).params());
    }
}
