package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Turns of the burned held-out sets 29 and 30 (scored blind once, development data since), played through the engine:
 * a card's size joined to "VRAM" by a hyphen, and how-tos answered by a snippet or keyword of
 * knowledge/dialogue/howto.yaml (llama.cpp's split over GPUs, the YOLO repositories' DDP launch).
 */
class HowToRowsTwentyTest {
    private static final Path SET29 = Path.of("src/test/resources/conversations_heldout29");
    private static final Path SET30 = Path.of("src/test/resources/conversations_heldout30");

    /** github.com/PKU-YuanGroup/Chat-UniVi/issues/37: "Can 16GB-VRAM run Chat-UniVi-7B-v1.5 model?". */
    @Test
    void aSizeHyphenatedToVramIsTheCard() {
        var v = turn(SET29, "P19-chat-univi-16gb-7b.txt", 1);
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

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
