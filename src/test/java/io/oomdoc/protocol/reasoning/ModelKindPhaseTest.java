package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Inference" is a generation for a generative model (LLM, diffusion, TTS) and an offline forward for a classifier
 * or a segmenter, so the word alone states no phase; the phase model reads it with the model kind (cue
 * phase-generative).
 */
class ModelKindPhaseTest {

    /** A case of development9 (the corpus and the burned splits 5 to 9), its context and paste as the CLI reads them. */
    private static Set<String> features(String id) {
        // development9()'s order, each report parsed alone: this class runs in PIT's minions, fresh JVMs
        Case c = Corpus.inDevelopment(id).or(() -> Corpus.firstIn(id, java.util.List.of(Corpus.HELDOUT5,
                Corpus.HELDOUT6, Corpus.HELDOUT7, Corpus.HELDOUT8, Corpus.HELDOUT9))).orElseThrow();
        return RealEvidence.features(RealEvidence.gather(LogText.of(c.paste()), c.context())).values().keySet();
    }

    @Test
    void inferenceAloneStatesNoPhase() {
        // chenxi116/DeepLabv3.pytorch#16 (labelled forward): a segmenter's full-resolution inference
        assertEquals(List.of(), PhaseWords.phases("Furthermore, I'm experiencing the same \"CUDA out of "
                + "memory error\" at inference time (and here the batch size is set to 1)."));
        // kamalkraj/e5-mistral-7b-instruct#7 (labelled forward): an embedding model
        assertEquals(List.of(), PhaseWords.phases("I got OOM during inference on 80G GPU with only input seqence "
                + "length 1000."));
    }

    @Test
    void generatingWordsStillStateGeneration() {
        // salesforce/progen#45
        assertEquals(List.of("generation"), PhaseWords.phases("I'm trying to generate a number of sequences with "
                + "sample.py, so I set the --num-samples parameter to 100."));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aGenerativeModelNamedIsAPhaseCue() {
        // huggingface/text-generation-inference#2744: Llama 3.1 70B served by TGI
        Set<String> llm = features("tgi-2744-llama31-70b-oom-after-warmup-prose");
        assertTrue(llm.contains("cue:phase-generative") || llm.contains("log:phase-generative"), llm.toString());
        // chenxi116/DeepLabv3.pytorch#16: a segmenter
        Set<String> seg = features("deeplabv3-16-cityscapes-full-res-inference-12gb");
        assertFalse(seg.contains("cue:phase-generative") || seg.contains("log:phase-generative"), seg.toString());
    }

    @Test
    void theModelKindIsReadByThePhaseModelOnly() {
        assertTrue(Reasoner.phaseOnly("cue:phase-generative"));
        assertFalse(LinearModel.resource(Reasoner.CATEGORY_WEIGHTS).knows("cue:phase-generative"));
        assertTrue(LinearModel.resource(Reasoner.PHASE_WEIGHTS).knows("cue:phase-generative"));
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aWhisperTranscriptionIsAGeneration() {
        // McCloudS/subgen#72 (corpus_heldout7): faster-whisper transcribing a film on a GTX 1060; Whisper decodes the
        // text token by token, so the forward the phase model reads from "transcribe" is a step of a generation
        Case c = Corpus.inTrainable("subgen-72-ctranslate2-medium-gtx1060-one-movie").orElseThrow();
        FeatureVector x = RealEvidence.features(RealEvidence.gather(LogText.of(c.paste()), c.context()));
        assertTrue(x.values().containsKey("cue:phase-generative") || x.values().containsKey("log:phase-generative"),
                x.values().keySet().toString());
        assertEquals("generation", Reasoner.stated(x, "forward"));
    }
}
