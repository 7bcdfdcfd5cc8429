package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The stacks the knob catalog gained in session 22 (OpenMMLab, detectron2, Ultralytics, PaddlePaddle, CTranslate2,
 * LLaMA-Factory): a question
 * about one of their settings opens with that setting's row. Each question is a real thread's words (cited; none is
 * used by a conversation set), and each fails with its stack's rows taken out.
 */
class StackKnobsVisionTest {
    private final Conversation c = new Conversation();

    private void opensWith(String row, String question) {
        Answer a = c.respond(question);
        assertTrue(a.text() != null && a.text().startsWith(row), a.intent() + ": " + a.text());
    }

    /** github.com/open-mmlab/mmcv/issues/1889: configuring MMCV's accumulation hook. */
    @Test
    void openMmLabAccumulationIsTheOptimWrappersCount() {
        opensWith("OpenMMLab (MMEngine/MMCV) optim_wrapper accumulative_counts", "I want to train the model using"
                + " gradient accumulation. And I found GradientCumulativeOptimizerHook can achieve this, how can I"
                + " config it in config file?");
    }

    /** github.com/facebookresearch/detectron2/issues/987: what IMS_PER_BATCH means on several GPUs. */
    @Test
    void detectron2BatchIsTheTotalOverAllGpus() {
        opensWith("detectron2 SOLVER.IMS_PER_BATCH", "So when it comes to multi-GPU, what is the meaning of"
                + " IMS_PER_BATCH? I have 4 GPUs, what is the batch size handled by single GPU?");
    }

    /** github.com/ultralytics/ultralytics/issues/2274: AutoBatch runs out of memory on a 4 GB laptop GPU. */
    @Test
    void ultralyticsAutoBatchIsTheBatchRow() {
        opensWith("Ultralytics YOLO batch", "I couldn't start training my dataset on batch=-1(auto) on the latest"
                + " ultralytics edition. How does autobatch pick the batch size?");
    }

    /** github.com/PaddlePaddle/Paddle/issues/15426: what the memory-fraction flag really sets. */
    @Test
    void paddleFractionFlagIsItsChunkSize() {
        opensWith("PaddlePaddle FLAGS_fraction_of_gpu_memory_to_use", "What's the real meaning of"
                + " FLAGS_fraction_of_gpu_memory_to_use in paddle?");
    }

    /** github.com/WEIFENG2333/VideoCaptioner/issues/733 (the title, translated): float32 large-v2 on 8 GB. */
    @Test
    void fasterWhisperPrecisionIsComputeType() {
        opensWith("CTranslate2 (faster-whisper) compute_type", "8G of VRAM is not enough to use float32 with the"
                + " large-v2 model in faster-whisper. What does --compute_type change in memory?");
    }

    /** github.com/hiyouga/LlamaFactory/issues/2648 (translated): adding --cutoff_len 4096 runs out of memory. */
    @Test
    void llamaFactorySampleLengthIsCutoffLen() {
        opensWith("LLaMA-Factory cutoff_len", "Why does LLaMA-Factory run out of GPU memory after a while when I add"
                + " --cutoff_len 4096, and finish when I remove it? Is the default 512?");
    }
}
