package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forward frame with nothing else said is a forward; it is a step of a generation only when the text names a
 * generative model (LLM, diffusion, TTS) AND inference, and nothing that trains (Reasoner.refineForward). The whole
 * path on a real report is PhaseWordsTest#aForwardFrameInsideAnInferenceIsTheGeneration; this pins each condition.
 */
class GenerativeInferenceTest {

    private static String phase(String... flags) {
        FeatureVector.Builder b = FeatureVector.builder().flag("frame-phase:forward");
        for (String f : flags) b.flag(f);
        return Reasoner.stated(b.build(), "unknown");
    }

    @Test
    void aGenerativeModelRunForInferenceIsGenerating() {
        assertEquals("generation", phase("cue:phase-generative", "cue:phase-inference"));
        // the same words read from the log rather than the description
        assertEquals("generation", phase("log:phase-generative", "log:phase-inference"));
    }

    @Test
    void eitherWordAloneLeavesAForward() {
        assertEquals("forward", phase("cue:phase-generative"));
        assertEquals("forward", phase("log:phase-inference"));
    }

    @Test
    void trainingWordsKeepTheForwardOfATrainingStep() {
        assertEquals("forward", phase("cue:phase-generative", "cue:phase-inference", "cue:phase-training"));
        assertEquals("forward", phase("log:phase-generative", "log:phase-inference", "log:phase-training"));
    }

    @Test
    void aForwardTheModelLearnsWithoutAFrameIsAGenerationToo() {
        // no frame, the learned phase says forward (prose-only reports such as "running the video upscaling
        // diffusion model's inference script on a 40 GB A100 runs out of memory", VEnhancer#4): the same reading
        // as a forward frame's
        FeatureVector told = FeatureVector.builder().flag("cue:phase-generative").flag("cue:phase-inference").build();
        assertEquals("generation", Reasoner.stated(told, "forward"));
        assertEquals("forward", Reasoner.stated(FeatureVector.builder().flag("cue:phase-generative")
                .flag("cue:phase-inference").flag("cue:phase-training").build(), "forward"));
        // a learned phase other than forward is not touched
        assertEquals("unknown", Reasoner.stated(told, "unknown"));
    }

    @Test
    void phaseRowsAndTheAppleSiliconRowAreNotCauses() {
        assertTrue(Reasoner.notACause("cue:phase-generative"));
        assertTrue(Reasoner.notACause("cue:mps"));
        assertTrue(Reasoner.notACause("log:not-mps"));
        // a cause cue, and a name that only starts like the topic row
        assertFalse(Reasoner.notACause("cue:growth"));
        assertFalse(Reasoner.notACause("cue:mpsx"));
    }
}
