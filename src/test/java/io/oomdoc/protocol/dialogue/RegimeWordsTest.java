package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The regime a turn names in its own language and through the objects its code moves (dialogue/regime.tsv). */
class RegimeWordsTest {

    /** StableAvatar (conversations_heldout32 P03 #1): "进行推理" (run inference) runs the model: a fit budgets weights. */
    @Test
    void aChineseTurnThatSaysInferenceRunsTheModel() {
        assertEquals(Optional.of(Regime.Kind.INFER), Regime.named(
                "请问用1.3B的模型进行推理，需要多大的显存，RTX 4090 24GB是否满足"));
    }

    /** 训练 (train) and 微调 (fine-tune) name training, as "fine-tune" does in English. */
    @Test
    void aChineseTurnThatSaysFineTuningTrains() {
        assertEquals(Optional.of(Regime.Kind.TRAIN), Regime.named("24GB 显存能微调 7B 模型吗"));
    }

    /** "跑训练" (run the training) says both words: the turn decides nothing and an earlier one does. */
    @Test
    void runningTheTrainingDecidesNothing() {
        assertEquals(Optional.empty(), Regime.named("4090 能跑训练吗"));
    }

    /** A diffusers pipeline moved to the card runs a model (CogView4 thread, conversations_heldout28 P08). */
    @Test
    void aPipelineMovedToTheCardRunsTheModel() {
        assertEquals(Optional.of(Regime.Kind.INFER), Regime.named(
                "if I drop pipe.to(\"cuda\") and call enable_model_cpu_offload"));
    }
    /** A chat checkpoint's name says the model is run (INF-MLLM#2, conversations_heldout15 P02 #1, in other words). */
    @Test
    void aChatCheckpointIsRun() {
        assertEquals(Optional.of(Regime.Kind.INFER), Regime.named("how much memory for the InfMLLM-7B-Chat demo?"));
    }

    /** 4DNeX (conversations_heldout14 P43 #2): a model split across two cards is a layer split of a model run. */
    @Test
    void aModelSplitAcrossCardsIsRun() {
        assertEquals(Optional.of(Regime.Kind.INFER), Regime.named("could I split the model across two 3090s meanwhile?"));
    }

    /** "it runs fine at 512" names no regime: running is not running a model only. */
    @Test
    void runningFineNamesNoRegime() {
        assertEquals(Optional.empty(), Regime.named("with 1x512x512 it runs fine"));
    }

    /** PromtEngineer/localGPT#678: "running LLAMA 2 70B model" with two GPUs runs the model: "run" before a size. */
    @Test
    void runningAModelNamedByItsSizeRunsIt() {
        assertEquals(Optional.of(Regime.Kind.INFER), Regime.named(
                "i am looking for running LLAMA 2 70B model . i have 2 gpus . need to run"));
    }

    /** A size after "run" in a turn that also fine-tunes says both and decides nothing. */
    @Test
    void runningAModelSizeToFineTuneDecidesNothing() {
        assertEquals(Optional.empty(), Regime.named("can I run a 7B fine-tune on my 4090?"));
    }
}
