package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.reasoning.FeatureVector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knowledge ids a report lists first (KbChoice, model/evidence-kb.tsv). */
class KbChoiceTest {
    // the tail of a report quoted in eosphoros-ai/DB-GPT#63: shard loading cut off by the kernel
    private static final String KILLED = "Loading checkpoint shards:   0%|          | 0/2 [00:00<?, ?it/s]Killed";

    private static Evidence evidence(String text) {
        return new Diagnoser().evidence(LogText.of(text), null, Facts.EMPTY, null, null, null,
                new java.util.ArrayList<>());
    }

    @Test
    void theEntryAKillPointsAtIsAmongTheFirstThreeWhateverLeads() {
        Evidence e = evidence(KILLED);
        List<Hypothesis> ranked = List.of(new Hypothesis(Category.MODEL_TOO_LARGE, 0.9, Category.MODEL_TOO_LARGE.kb,
                List.of()));
        FeatureVector killed = FeatureVector.builder().flag("kill-named").build();
        List<String> ids = KbChoice.ids(e, ranked, killed);
        assertEquals("M1", ids.get(0));
        assertTrue(ids.subList(0, 3).contains("U9"), ids.toString());
        // without the kill, the three cover at least as many of the cause's labelled reports as its own first three
        List<String> plain = KbChoice.ids(e, ranked, FeatureVector.builder().build()).subList(0, 3);
        assertEquals("M1", plain.get(0));
        assertTrue(KbCoverage.bundled().share("model_too_large", plain)
                >= KbCoverage.bundled().share("model_too_large", List.of("M1", "M13", "M12")), plain.toString());
    }

    @Test
    void aCloseRunnerUpsEntryComesSecond() {
        Evidence e = evidence(KILLED);
        List<Hypothesis> ranked = List.of(
                new Hypothesis(Category.LONGEST_BATCH, 0.5, Category.LONGEST_BATCH.kb, List.of()),
                new Hypothesis(Category.ATTENTION_SEQ_LEN, 0.3, Category.ATTENTION_SEQ_LEN.kb, List.of()));
        // the third is the leader's next entry by the coverage table, which each refit may reorder
        assertEquals(List.of("M16", "M11"), KbChoice.ids(e, ranked, FeatureVector.builder().build())
                .subList(0, 2));
    }

    private static FeatureVector features(String caseId) {
        io.oomdoc.corpus.Case c = io.oomdoc.corpus.Corpus.inAll(caseId).orElseThrow();
        assertTrue(!io.oomdoc.corpus.Corpus.isFinal(c), "a development case");
        return new io.oomdoc.protocol.reasoning.FeatureExtractor().extract(evidence(c.withDescription()));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aServingStackBringsTheServingMemoryEntry() {
        // sglang-project/sglang#5576: Gemma-3 12B in bf16 on a 16 GB card under a serving engine; whatever cause
        // leads, the entry on the engine's memory fraction is among the first three
        List<Hypothesis> ranked = List.of(new Hypothesis(Category.MODEL_TOO_LARGE, 0.9, Category.MODEL_TOO_LARGE.kb,
                List.of()));
        FeatureVector x = features("sglang-5576-gemma3-12b-bf16-on-16gb");
        assertTrue(x.values().containsKey("cue:serving"), x.values().keySet().toString());
        List<String> ids = KbChoice.ids(evidence(KILLED), ranked, x);
        assertTrue(ids.subList(0, 3).contains("U10"), ids.toString());
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aJaxFailureBringsTheEntryOnItsOwnAllocator() {
        // google-deepmind/jax_privacy#10 (corpus_heldout5): XLA could not get 176 MiB on device ordinal 0 of a 30 GB
        // card; the thread's fix is JAX's own allocator settings (U10), whatever cause leads
        List<Hypothesis> ranked = List.of(new Hypothesis(Category.OTHER, 0.9, Category.OTHER.kb, List.of()));
        var c = io.oomdoc.corpus.Corpus.heldout5().stream()
                .filter(k -> k.id().equals("jax-privacy-10-176mib-ordinal-0-30gb")).findFirst().orElseThrow();
        Evidence e = evidence(c.withDescription());
        FeatureVector x = new io.oomdoc.protocol.reasoning.FeatureExtractor().extract(e);
        assertTrue(x.values().containsKey("framework:jax"), x.values().keySet().toString());
        List<String> ids = KbChoice.ids(e, ranked, x);
        assertTrue(ids.subList(0, 3).contains("U10"), ids.toString());
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aTensorFlowFailureBringsTheEntryOnItsOwnAllocator() {
        // cpgeier/SantosNet#1 (corpus_heldout16): Xception training in TensorFlow on a card shared with a game;
        // labelled M1 and U10 (the card's memory shared, TensorFlow's allocator settings)
        List<Hypothesis> ranked = List.of(new Hypothesis(Category.MODEL_TOO_LARGE, 0.9, Category.MODEL_TOO_LARGE.kb,
                List.of()));
        var c = io.oomdoc.corpus.Corpus.heldout16().stream()
                .filter(k -> k.id().equals("santosnet-1-xception-needs-12gb")).findFirst().orElseThrow();
        Evidence e = evidence(c.withDescription());
        FeatureVector x = new io.oomdoc.protocol.reasoning.FeatureExtractor().extract(e);
        assertTrue(x.values().containsKey("framework:tensorflow"), x.values().keySet().toString());
        List<String> ids = KbChoice.ids(e, ranked, x);
        assertTrue(ids.subList(0, 3).contains("U10"), ids.toString());
    }

    @Test
    void aLibrarysOwnFailureBringsTheEntryOnReadingTheMessage() {
        // SawanKumar28/nile#1 (corpus_heldout14), the paste alone: cuBLAS could not create its handle at
        // loss.backward(); labelled M14 and M2. Whatever cause leads, the entry on reading the message is listed
        io.oomdoc.corpus.Case c = io.oomdoc.corpus.Corpus.inTrainable("nile-1-finetune-lm-cublas-alloc-at-backward")
                .orElseThrow();
        Evidence e = evidence(c.paste());
        FeatureVector x = new io.oomdoc.protocol.reasoning.FeatureExtractor().extract(e);
        assertTrue(x.values().containsKey("log:library"), x.values().keySet().toString());
        List<Hypothesis> ranked = List.of(new Hypothesis(Category.ACTIVATIONS_BATCH, 0.9,
                Category.ACTIVATIONS_BATCH.kb, List.of()));
        List<String> ids = KbChoice.ids(e, ranked, x);
        assertTrue(ids.subList(0, 3).contains("M2"), ids.toString());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void appleSiliconBringsTheUnifiedMemoryEntry() {
        // pinokiocomputer/pinokio#941: MPS backend out of memory on a 16 GB M1 MacBook
        List<Hypothesis> ranked = List.of(new Hypothesis(Category.MODEL_TOO_LARGE, 0.9, Category.MODEL_TOO_LARGE.kb,
                List.of()));
        FeatureVector x = features("pinokio-941-mps-hunyuan3d-256-bytes-shared-pool");
        List<String> ids = KbChoice.ids(evidence(KILLED), ranked, x);
        assertTrue(ids.subList(0, 3).contains("M3"), ids.toString());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aFailureAtTheVaeDecodeBringsTheLadderBeforeTheServingEntry() {
        // Acly/krita-ai-diffusion#556 (corpus_heldout5): SDXL through a local ComfyUI server, failing at the decode
        List<Hypothesis> ranked = List.of(new Hypothesis(Category.ACTIVATIONS_BATCH, 0.9, Category.ACTIVATIONS_BATCH.kb,
                List.of()));
        var c = io.oomdoc.corpus.Corpus.heldout5().stream()
                .filter(k -> k.id().equals("krita-ai-556-sdxl-crash-at-vae-decode")).findFirst().orElseThrow();
        Evidence e = evidence(c.withDescription());
        FeatureVector x = new io.oomdoc.protocol.reasoning.FeatureExtractor().extract(e);
        List<String> ids = KbChoice.ids(e, ranked, x);
        assertTrue(ids.subList(0, 3).contains("M4"), ids.toString());
        assertFalse(ids.subList(0, 3).contains("U10"), ids.toString());
    }
    // replay: reads a corpus case's features, as the tests above
    @Test
    @Tag("replay")
    void appleSiliconIsNotSentToTheCudaAllocatorsSetting() {
        // pinokiocomputer/pinokio#941: MPS backend out of memory on a 16 GB M1 MacBook; even with fragmentation
        // ranked first, expandable_segments (M8, PyTorch's CUDA allocator) is not listed, the cause's next entries are
        List<Hypothesis> ranked = List.of(new Hypothesis(Category.FRAGMENTATION, 0.9, Category.FRAGMENTATION.kb,
                List.of()));
        FeatureVector x = features("pinokio-941-mps-hunyuan3d-256-bytes-shared-pool");
        List<String> ids = KbChoice.ids(evidence(KILLED), ranked, x);
        assertFalse(ids.contains("M8"), ids.toString());
        assertTrue(ids.contains("M18"), ids.toString());
        // the same ranking without the MPS message keeps the entry first
        assertEquals("M8", KbChoice.ids(evidence(KILLED), ranked, FeatureVector.builder().build()).get(0));
    }
}
