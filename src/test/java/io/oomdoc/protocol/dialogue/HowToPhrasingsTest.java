package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A how-to asked in the user's own words reaches the topic that answers it: a verb whose particle follows the pronoun
 * ("turn it on") points back to the topic talked about, and each topic knows the usual ways its task is asked
 * (burned sets 10, 12, 13, 15 and 16).
 */
class HowToPhrasingsTest {
    private static final Path SET10 = Path.of("src/test/resources/conversations_heldout10");
    private static final Path SET12 = Path.of("src/test/resources/conversations_heldout12");
    private static final Path SET13 = Path.of("src/test/resources/conversations_heldout13");
    private static final Path SET15 = Path.of("src/test/resources/conversations_heldout15");
    private static final Path SET16 = Path.of("src/test/resources/conversations_heldout16");

    /**
     * forums.fast.ai/t/mixed-precision-training/20720 (#4): "how do I turn it on in plain PyTorch?" after mixed
     * precision on a 1080 Ti: autocast, and the fp16 loss scaler for a card without bf16.
     */
    @Test
    void turnItOnPointsBackToTheTopicTalkedAbout() {
        var v = turn(SET13, "N14-fastai-forum-mixed-precision-memory-fp32-master-copy.txt", 4);
        assertTrue(v.output().startsWith("mixed precision with plain PyTorch:"), v.output());
        assertTrue(v.output().contains("GradScaler"), v.output());
    }

    /** github.com/yyliu01/PS-MT/issues/20 (#3): "pin each rank to its own GPU" is torch.cuda.set_device. */
    @Test
    void pinningEachRankIsSetDevice() {
        var v = turn(SET10, "K36-ps-mt-ddp-extra-processes-on-first-gpu.txt", 3);
        assertTrue(v.output().contains("torch.cuda.set_device(local_rank)"), v.output());
    }

    /** The NVIDIA forum's DGX Spark thread (#2): reading the free memory without NVML is mem_get_info. */
    @Test
    void readingTheFreeMemoryWithoutNvmlIsMemGetInfo() {
        var v = turn(SET15, "P43-nvidia-forum-dgx-spark-nvml-not-supported-unified-memory.txt", 2);
        assertTrue(v.output().contains("torch.cuda.mem_get_info()"), v.output());
    }

    /** github.com/xlang-ai/aguvis/issues/14 (#4): spreading a model over two A100s with transformers is device_map. */
    @Test
    void spreadingAModelOverTwoCardsIsDeviceMap() {
        var v = turn(SET12, "M30-aguvis-inference-oom-how-many-gpus.txt", 4);
        assertTrue(v.output().contains("device_map='auto'"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/index-tts/index-tts/issues/630 (#3): releasing memory after each generation inside the app. */
    @Test
    void releasingMemoryInsideTheAppIsDelAndEmptyCache() {
        var v = turn(SET16, "P33-index-tts-memory-creeps-to-16gb.txt", 3);
        assertTrue(v.output().contains("torch.cuda.empty_cache()"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
