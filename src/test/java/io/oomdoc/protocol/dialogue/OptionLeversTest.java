package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * "So what are my options?" before any failure is pasted gets the levers for the session's kind of work. The turns
 * are played from the conversation fixtures: conversations_heldout11/L24 is NVIDIA/TensorRT-LLM#7281 (a 4B model served
 * on a 16 GB RTX 5060 Ti), conversations_heldout14/P06 is magic-research/magic-animate#110 (inference on a 2080 Ti),
 * conversations_heldout15/P12 is scragnog/HOT-Step-9000#10 (a llama.cpp LM beside a music model), conversations_heldout18
 * /P46 is bytedance/LatentSync#3 (stage 2 training needs about 50 GB).
 */
class OptionLeversTest {
    @Test
    void aServedModelsOptionsNameQuantisingTheKvCacheAndTheBatch() {
        String a = PlayedTurns.answerTo("conversations_heldout11", "L24-tensorrt-llm-nemotron-4b-5060ti-44k-context.txt", 2);
        assertTrue(a.startsWith(Messages.get("followup.levers.inference").lines().findFirst().orElseThrow()), a);
        assertTrue(a.contains("KV cache (fp8 or int8)") && a.contains("batch"), a);
        assertTrue(a.lines().count() <= 12, a);
    }

    @Test
    void anImageModelsOptionsNameTheResolutionAndHalfPrecision() {
        String a = PlayedTurns.answerTo("conversations_heldout14", "P06-magic-animate-inference-2080ti.txt", 3);
        assertTrue(a.contains("image resolution") && a.contains("fp16"), a);
    }

    @Test
    void aSessionThatNeitherTrainsNorRunsAModelGetsNoGuessedLevers() {
        assertNull(OptionLevers.answer(io.oomdoc.protocol.Facts.EMPTY));
    }

    @Test
    void whatElseLowersTheVramIsARequestForTheOptions() {
        String a = PlayedTurns.answerTo("conversations_heldout15", "P12-hot-step-9000-lm-gpu-layers-llama-cpp-backend.txt",
                3);
        assertTrue(a.startsWith(Messages.get("followup.levers.inference").lines().findFirst().orElseThrow()), a);
        assertTrue(a.contains("4-bit"), a);
    }

    @Test
    void aTrainingStageSaidOutrightGetsTheTrainingLevers() {
        String a = PlayedTurns.answerTo("conversations_heldout18", "P46-latentsync-stage2-50gb.txt", 2);
        assertTrue(a.contains(Messages.get("followup.levers.training").lines().findFirst().orElseThrow()), a);
        assertTrue(a.contains("gradient checkpointing"), a);
    }

    @Test
    void aQuestionAboutOneKnobIsNotARequestForTheOptions() {
        assertFalse(OptionLevers.asks("what does max_batch_size do?"));
        assertFalse(OptionLevers.asks("45460 MiB on a 48 GB card, what is left for the context?"));
        assertTrue(List.of("so what are my options?", "what can I turn down so it fits in 11 GB?",
                        "and how else can I cut memory without reducing generations?", "what's left to try?")
                .stream().allMatch(OptionLevers::asks));
    }
}
