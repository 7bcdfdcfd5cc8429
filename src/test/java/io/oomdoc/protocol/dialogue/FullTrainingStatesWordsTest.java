package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full training asked in other words still gets its model states, 16 bytes per parameter with AdamW in mixed
 * precision: "every weight trains", "what does each take" beside Adam, and the Chinese words for
 * full-parameter fine-tuning and per-card model states. Turns of the burned held-out sets 28 and 29 (scored blind
 * once, development data since), played through the engine.
 */
class FullTrainingStatesWordsTest {
    private static final Path SET28 = Path.of("src/test/resources/conversations_heldout28");
    private static final Path SET29 = Path.of("src/test/resources/conversations_heldout29");

    /** github.com/ucas-hao/qwen_audio_for_add/issues/3: "8.4B 参数，全参数微调加 Adam 要多少？", 8.4B x 16 B. */
    @Test
    void chineseFullParameterFineTuningIsSixteenBytesEach() {
        var v = turn(SET28, "P37-qwen-audio-60g-finetune-chinese.txt", 2);
        assertTrue(v.output().contains("= 134 GB of model states"), v.output());
    }

    /** github.com/kuleshov-group/llmtools/issues/23: "if every weight trains with Adam ..., what is the total?". */
    @Test
    void everyWeightTrainingIsFullTraining() {
        var v = turn(SET28, "P40-llmtools-4bit-full-finetune.txt", 2);
        assertTrue(v.output().contains("= 112 GB of model states"), v.output());
    }

    /** github.com/axonn-ai/yalis/pull/3: "for a 1.3B model with Adam, what does each take?": parts and sum. */
    @Test
    void whatEachTakesBesideAdamIsTheStatesBreakdown() {
        var v = turn(SET28, "P38-yalis-load-model-bf16-lightning.txt", 2);
        assertTrue(v.output().contains("= 20.8 GB of model states"), v.output());
    }

    /** github.com/ByteDance-Seed/VeOmni/issues/159: "7B，FSDP 8 卡全参 bf16 加 Adam，每卡模型状态多少？". */
    @Test
    void chineseCardCountShardsTheStates() {
        var v = turn(SET29, "P31-veomni-multi-gpu-no-split-modules-chinese.txt", 4);
        assertTrue(v.output().contains("14 GB on each of 8 GPUs"), v.output());
    }
}
