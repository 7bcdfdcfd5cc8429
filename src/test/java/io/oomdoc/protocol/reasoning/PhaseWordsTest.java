package io.oomdoc.protocol.reasoning;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The phase read from words, on sentences quoted from real reports (sources in the comments). */
class PhaseWordsTest {
    @Test
    void namedMomentsGiveThePhase() {
        // rosinality/stylegan2-pytorch#11
        assertEquals(List.of("backward"), PhaseWords.phases("Hi, apparently, the memory issues during "
                + "loss.backwards() were due to saving the computation graph for loss for each iteration."));
        // eosphoros-ai/DB-GPT#63
        assertEquals(List.of("load"), PhaseWords.phases("Loading checkpoint shards:   0%|          | 0/2 "
                + "[00:00<?, ?it/s]Killed"));
        // NVIDIA/TensorRT builder log (marcoslucianops/DeepStream-Yolo#366): tactic selection happens while the engine
        // is built, before anything is served
        assertEquals(List.of("load"), PhaseWords.phases("WARNING: [TRT]: Skipping tactic 3 due to insufficient memory "
                + "on requested size of 4294967296 detected for tactic 0x0000000000000004."));
        // a lightning user's words: evaluation named as the moment
        assertEquals(List.of("eval"), PhaseWords.phases("There appears to be a memory leak during the validation "
                + "routine since the GPU I'm using runs out of memory"));
    }

    @Test
    void negatedAndFrameWordsDoNotCount() {
        assertEquals(List.of(), PhaseWords.phases("it does not happen during validation, only in training"));
        // a frame line says "in forward"; frames are read by the trace analyzer, not as words
        assertEquals(List.of(), PhaseWords.phases("  File \"lib/python3.9/site-packages/torch/nn/modules/linear.py\", "
                + "line 116, in forward"));
    }

    @Test
    void statedPhaseWinsOverTheLearnedGuess() {
        // NVIDIA/NeMo#828: a killed DataLoader worker is the loader, whatever the learned model guesses
        String text = "When I train the model with librispeech 100h, it only cost 36G memory, but with the bigger "
                + "dataset, it cost 200+G memory, making the error \"RuntimeError: DataLoader worker is killed by "
                + "signal: Killed.\".";
        var e = new Diagnoser().evidence(LogText.of(text), null, Facts.EMPTY, null, null, null,
                new java.util.ArrayList<>());
        FeatureVector x = new FeatureExtractor().extract(e);
        assertEquals("dataloader", Reasoner.stated(x, "unknown"));
        // a frame outranks words; among several stated phases the learned one breaks the tie
        FeatureVector both = FeatureVector.builder().flag("frame-phase:backward").flag("words-phase:load").build();
        assertEquals("backward", Reasoner.stated(both, "unknown"));
        FeatureVector two = FeatureVector.builder().flag("words-phase:load").flag("words-phase:startup").build();
        assertEquals("startup", Reasoner.stated(two, "startup"));
        assertEquals("unknown", Reasoner.stated(FeatureVector.builder().build(), "unknown"));
    }

    @Test
    void aForwardFrameInsideAnInferenceIsTheGeneration() {
        // huggingface/diffusers#4166: the innermost frame is the attention forward, the words say it failed on
        // inference; the forward ran inside the denoising loop
        String text = io.oomdoc.corpus.Corpus.all().stream()
                .filter(c -> c.id().equals("diffusers-4166-deepfloyd-if-attention-1536gib")).findFirst().orElseThrow()
                .paste();
        var e = new Diagnoser().evidence(LogText.of(text), null, Facts.EMPTY, null, null, null,
                new java.util.ArrayList<>());
        FeatureVector x = new FeatureExtractor().extract(e);
        assertEquals(true, x.values().containsKey("frame-phase:forward"), x.values().keySet().toString());
        assertEquals("generation", Reasoner.stated(x, "forward"));
        // with nothing else said, a forward frame stays forward unless the learned phase is generation or eval
        FeatureVector bare = FeatureVector.builder().flag("frame-phase:forward").build();
        assertEquals("forward", Reasoner.stated(bare, "unknown"));
        assertEquals("generation", Reasoner.stated(bare, "generation"));
    }

    @Test
    void trainingOrInferenceWordsAreReadByThePhaseModelOnly() {
        assertEquals(true, Reasoner.phaseOnly("cue:phase-training"));
        assertEquals(true, Reasoner.phaseOnly("cue:not-phase-inference"));
        assertEquals(false, Reasoner.phaseOnly("cue:training"));
        assertEquals(false, LinearModel.resource(Reasoner.CATEGORY_WEIGHTS).knows("cue:phase-training"));
        assertEquals(true, LinearModel.resource(Reasoner.PHASE_WEIGHTS).knows("cue:phase-training"));
    }
}
