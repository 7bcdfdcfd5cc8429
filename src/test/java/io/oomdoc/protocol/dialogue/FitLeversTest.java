package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.oomdoc.protocol.dialogue.FitTurnsOnRealThreadsTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fit asked about a model the budget does not know still gets the card's memory and the lever for that kind of job
 * on its stack (dialogue/fit-levers.tsv) before the question asked back. The turns are played from burned conversation
 * sets; each file records its thread's URL on its source line.
 */
class FitLeversTest {
    /**
     * guoyww/AnimateDiff#92 (conversations_heldout6 G48 #1): "is AnimateDiff available for low VRAM, for example
     * common 8gb graphic cards?" A diffusion pipeline run on a small card: model CPU offload is the lever.
     */
    @Test
    void aDiffusionPipelineOnASmallCardGetsTheOffloadLever() {
        Answer a = turn("conversations_heldout6", "G48-animatediff-8gb-vram-sequential-offload.txt", 1);
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().contains("enable_model_cpu_offload()"), a.text());
        assertTrue(a.text().indexOf("enable_model_cpu_offload()") < a.text().indexOf(Messages.get("ask.model")),
                a.text());
    }

    /**
     * xichenpan/Kosmos-G#1 (conversations_heldout26 P03 #1): "Will a single RTX3090 (24GB) be ok?" with no model the
     * budget knows: the card's memory is the figure already known, said first.
     */
    @Test
    void theCardsMemoryOpensAFitWhoseModelIsUnknown() {
        Answer a = turn("conversations_heldout26", "P03-kosmos-g-3090-fit.txt", 1);
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().startsWith("The GeForce RTX 3090 has 24.00 GiB of memory"), a.text());
    }

    /**
     * snap-research/stable-flow#7 (conversations_heldout22 P10 #1): FLUX.1-dev on a 32 GB GPU. An image model has no
     * context length: its weights against the card (after the sizes in every format), then the pipeline's lever, and
     * no max_model_len asked back.
     */
    @Test
    void anImageModelIsNotAskedForAContextLength() {
        Answer a = turn("conversations_heldout22", "P10-stable-flow-flux-32gb.txt", 1);
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().contains("Weights of flux-dev-transformer: 22.17 GiB on a 32.00 GiB card"), a.text());
        assertFalse(a.text().contains("max_model_len"), a.text());
        assertTrue(a.text().contains("enable_model_cpu_offload()"), a.text());
    }

    /**
     * jixiaozhong/Sonic#7 (conversations_heldout20 P16 #2): "and training on two 48 GB A6000s?" after the inference
     * figure: training's lever is checkpointing and a small micro-batch, then sharding or offload of the states.
     */
    @Test
    void trainingGetsCheckpointingAndShardingNotOffloadOfAPipeline() {
        Answer a = turn("conversations_heldout20", "P16-sonic-portrait-inference-and-training.txt", 2);
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().contains("gradient_checkpointing=True"), a.text());
        assertFalse(a.text().contains("enable_model_cpu_offload()"), a.text());
    }

    /** The table's rows each apply to the job they are written for; the last row of a regime takes every other job. */
    @Test
    void everyRowIsReachedByTheJobItIsWrittenFor() {
        Facts card = Facts.builder().gpuMemBytes(16L << 30).build();
        assertTrue(lever(List.of("can I fine-tune it on my card?"), card, Regime.Kind.TRAIN).contains("ZeRO-3"));
        assertTrue(lever(List.of("will the Q4_K_M gguf run?"), card, Regime.Kind.INFER).contains("-ngl"));
        assertTrue(lever(List.of("will it serve?"), card.with(b -> b.framework("vllm")), Regime.Kind.INFER)
                .contains("--max-model-len"));
        assertTrue(lever(List.of("can the SDXL pipeline run?"), card, Regime.Kind.INFER).contains("enable_tiling"));
        assertTrue(lever(List.of("can the detector run?"), card, Regime.Kind.INFER).contains("inference_mode"));
        Set<String> regimes = Set.of("train", "infer", "any");
        FitLevers.rows().forEach(r -> assertTrue(regimes.contains(r.regime()), r.toString()));
    }

    /** "can X run on an 8 GB card?" says neither training nor running: it is read as running the model. */
    @Test
    void aJobThatSaysNeitherIsTakenAsRun() {
        String s = FitLevers.of(List.of("is it available for 8 GB cards?"), Facts.EMPTY, Optional.empty(), true);
        assertNotNull(s);
        assertTrue(s.contains("inference_mode"), s);
    }

    /** "how much system RAM should I have for this setup?" asks about host memory: no GPU lever, no card line. */
    @Test
    void aQuestionAboutHostMemoryGetsNoGpuLever() {
        Facts card = Facts.builder().gpuMemBytes(24L << 30).build();
        assertEquals(null, FitLevers.of(List.of("how much system RAM should I have for this setup?"), card,
                Optional.of(Regime.Kind.INFER), true));
    }

    private static String lever(List<String> turns, Facts f, Regime.Kind kind) {
        String s = FitLevers.of(turns, f, Optional.of(kind), true);
        assertNotNull(s);
        assertTrue(s.startsWith("Your card has 16.00 GiB of memory"), s);
        return s;
    }
}
