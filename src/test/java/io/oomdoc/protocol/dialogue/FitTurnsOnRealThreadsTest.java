package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fit, what-if and follow-up turns of real threads, played from the burned conversation sets (each file records its
 * thread's URL on its source line): the turns before the one under test are played as written, then its answer is
 * checked.
 */
class FitTurnsOnRealThreadsTest {
    private static final Path SETS = Path.of("src/test/resources");

    /** Plays turns 1..n of a transcript and returns the answer to turn n. */
    static Answer turn(String set, String file, int n) {
        var t = Transcripts.all(SETS.resolve(set)).stream().filter(x -> x.file().equals(file)).findFirst()
                .orElseThrow();
        Conversation c = new Conversation();
        Answer a = null;
        List<Transcripts.Turn> turns = t.turns();
        for (int i = 0; i < n; i++) a = c.respond(turns.get(i).input());
        return a;
    }

    /**
     * yardenfren1996/B-LoRA#22: "will SDXL LoRA at 512 ... fit?" on a 16 GB card. The fixed cost (4.90 GiB) fits with
     * 11 GiB to spare: the answer says so before it asks for what the activations depend on.
     */
    @Test
    void aFixedCostWellInsideTheCardIsSaidToFit() {
        Answer a = turn("conversations_heldout17", "P03-b-lora-sdxl-rank-64-resolution-600.txt", 4);
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().contains("that part fits"), a.text());
        assertFalse(a.text().contains("does not fit"), a.text());
    }

    /**
     * arcee-ai/DistillKit (conversations_heldout17 P22 #3): "student 1.5B with AdamW ... plus the 7B teacher's bf16
     * weights. does that part fit in 80 GB?" asks for the fit verdict, though its subject is a phrase, not "it".
     */
    @Test
    void aFitQuestionWhoseSubjectIsAPhraseIsAFitQuestion() {
        Answer a = turn("conversations_heldout17", "P22-distillkit-logit-distillation-a100-80gb.txt", 3);
        assertEquals(Intent.FIT, a.intent(), a.text());
    }

    /**
     * Gen3R (conversations_heldout16 P15 #1): "inference typically needs about 48 GB of GPU memory ... will it run on
     * my 24 GB 4090?" The 48 GB is what the job needs; the card is the 24 GB 4090.
     */
    @Test
    void whatAJobNeedsOfGpuMemoryIsNotTheCard() {
        var t = Transcripts.all(SETS.resolve("conversations_heldout16")).stream()
                .filter(x -> x.file().equals("P15-gen3r-48gb-inference.txt")).findFirst().orElseThrow();
        var read = io.oomdoc.protocol.FactExtractor.read(t.turns().get(0).input());
        assertEquals(24L << 30, read.asserted().gpuMemBytes());
    }

    /**
     * EvolvePro (conversations_heldout17 P11 #3): "would it fit on an 80 GB A100 for embedding extraction in fp16?"
     * about ESM2 15B. Extracting embeddings runs the model: one 16-bit copy of the weights, not training state.
     */
    @Test
    void aModelOnlyRunIsBudgetedAsServed() {
        Answer a = turn("conversations_heldout17", "P11-evolvepro-esm2-15b-colab-ram.txt", 3);
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().startsWith("Fits, as far as the weights go"), a.text());
        assertFalse(a.text().contains("optimizer state"), a.text());
    }

    /**
     * exo#692 (conversations_heldout17 P21 #4): the job was told as serving ("on the first request it loads
     * llama-3.2-1b"); "a single bf16 copy on a Jetson Orin Nano with 8 GB: does that fit?" is about the weights.
     */
    @Test
    void anEarlierTurnThatServesDecidesTheRegime() {
        Answer a = turn("conversations_heldout17", "P21-exo-llama-1b-loaded-twice.txt", 4);
        assertTrue(a.text().startsWith("Fits, as far as the weights go"), a.text());
        assertFalse(a.text().contains("bytes per parameter"), a.text());
    }

    /** A turn that trains after one that served ("and fine-tuning it on the same card?") is budgeted as training. */
    @Test
    void theNewestTurnThatSaysARegimeWins() {
        var kind = Regime.of(java.util.List.of("and fine-tuning it on the same card?",
                "the maintainer says 16G is enough for inference"), null);
        assertEquals(Regime.Kind.TRAIN, kind.orElseThrow());
    }

    /** vllm#8185 (conversations_heldout8 I31 #5): "will it fit with an 8192 max length?" names the length. */
    @Test
    void aNumberBeforeMaxLengthIsTheLength() {
        var read = io.oomdoc.protocol.FactExtractor.read("will it fit with an 8192 max length?");
        assertEquals(8192, read.asserted().merge(read.hypothetical()).seqLen());
    }

    /**
     * InfiniteYou#4 (conversations_heldout17 P16 #4): after "more than an hour per generation" on a 24 GB 3090, "what
     * if I run the FLUX transformer in fp8?" is computed: FP8 weights take one byte, the served transformer halves.
     */
    @Test
    void fp8WeightsAreEightBitWeightsOfAServedModel() {
        Answer a = turn("conversations_heldout17", "P16-infiniteyou-3090-41gb-sysmem-fallback.txt", 4);
        assertEquals(Intent.WHAT_IF, a.intent());
        assertTrue(a.text().contains("weights 22.17 GiB → 11.64 GiB"), a.text());
        assertFalse(a.text().contains("optimizer"), a.text());
    }

    /**
     * OpenMusic#16 (conversations_heldout17 P14 #4): "what if I also cast the diffusion model to fp16?" with no model
     * that the budget knows. The format's bytes answer it: 2 instead of fp32's 4, half of what is cast.
     */
    @Test
    void aFormatChangeWithoutAModelIsAnsweredByItsBytes() {
        Answer a = turn("conversations_heldout17", "P14-openmusic-ema-scope-clone-24gb.txt", 4);
        assertEquals(Intent.WHAT_IF, a.intent());
        assertTrue(a.text().contains("2 bytes instead of 4 bytes (fp32)") && a.text().contains("(half)"), a.text());
    }

    /**
     * github.com/google-research/timesfm/issues/25 (conversations_heldout27 P19 #5): after "what if I set the fraction
     * to .2 on a 24 GB card?", "would the model itself fit on my 8 GB laptop GPU then?" is asked of the 8 GB card the
     * turn states, not of the what-if's 24 GB one.
     */
    @Test
    void theCardAFitTurnStatesReplacesTheLastWhatIfsCard() {
        Answer a = turn("conversations_heldout27", "P19-timesfm-200m-18g-vram.txt", 5);
        assertTrue(a.text().contains("on 8.00 GiB"), a.text());
        assertFalse(a.text().contains("24.00 GiB"), a.text());
    }
}
