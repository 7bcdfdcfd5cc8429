package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * How-tos of the burned held-out sets 29 and 30 (scored blind once, development data since), played through the
 * engine and answered by a snippet or keyword of knowledge/dialogue/howto.yaml: llama.cpp's split over GPUs and the
 * YOLO repositories' DDP launch.
 */
class HowToRowsTwentyTest {
    private static final Path SET29 = Path.of("src/test/resources/conversations_heldout29");
    private static final Path SET30 = Path.of("src/test/resources/conversations_heldout30");

    /** llama.cpp's server README: --split-mode and --tensor-split spread one model over the GPUs. */
    @Test
    void llamaCppSplitsAModelWithTensorSplit() {
        holdsSaying(SET30, "P10-local-rag-llama-7b-two-4090s.txt", 5, "--tensor-split");
    }

    /** The YOLOv5/YOLOv9 multi-GPU tutorial: one process per GPU through torch.distributed.run. */
    @Test
    void yoloTrainsWithDdpThroughTorchDistributedRun() {
        holdsSaying(SET29, "P40-yolov9-dp-gpu0-imbalance.txt", 4, "torch.distributed.run --nproc_per_node");
    }
}
