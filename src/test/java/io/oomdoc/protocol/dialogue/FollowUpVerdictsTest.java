package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.*;

/**
 * A yes/no follow-up is answered yes or no on its first line. The turns are played from the conversation fixtures:
 * conversations_heldout29/P32 is heshuting555/DsHmp#10 (detectron2 training on six 3090s), conversations_heldout19/P14
 * is Shawey94/WACV2025-FFTAT#3 (batch 64 on a 5090), conversations_heldout27/P26 is fyu/dilation#16 (Caffe crops on
 * Cityscapes), conversations_heldout5/F03 is liucongg/ChatGLM-Finetuning#23 (LoRA on a V100 32GB).
 */
class FollowUpVerdictsTest {
    @Test
    void theLearningRateIsNoMemorySetting() {
        String a = PlayedTurns.answerTo("conversations_heldout29", "P32-dshmp-six-3090s.txt", 5);
        assertTrue(a.startsWith("No: the learning rate"), a);
        assertTrue(a.lines().count() <= 4, a);
    }

    @Test
    void aSmallDatasetDoesNotShrinkAStep() {
        String a = PlayedTurns.answerTo("conversations_heldout19", "P14-fftat-5090-batch-64.txt", 2);
        assertTrue(a.startsWith("No: the size of the dataset"), a);
        assertTrue(a.contains("one batch"), a);
    }

    @Test
    void theCudnnVersionMattersBarely() {
        String a = PlayedTurns.answerTo("conversations_heldout27", "P26-dilation-cityscapes-1396-crop.txt", 4);
        assertTrue(a.startsWith("Barely: the cuDNN version"), a);
    }

    @Test
    void aSecondDataParallelCardAddsNoRoom() {
        String a = PlayedTurns.answerTo("conversations_heldout5", "F03-chatglm-finetuning-lora-v100-32gb.txt", 5);
        assertTrue(a.startsWith("Not by itself"), a);
        assertTrue(a.contains("full replica"), a);
    }

    @Test
    void changingTheLearningRateForTheScienceIsNoMemoryQuestion() {
        assertNull(NoMemoryEffect.answer("I only have 4 GPUs. do I need to change the learning rate to match the paper?",
                null));
        assertNull(NoMemoryEffect.answer("why does the batch size matter so much?", null));
    }

    @Test
    void moreCardsUnderZeroThreeDoMakeRoom() {
        var held = io.oomdoc.protocol.Facts.EMPTY.with(b -> b.zeroStage(3));
        var two = io.oomdoc.protocol.Facts.EMPTY.with(b -> b.worldSize(2));
        assertFalse(MoreCards.replicasOnly(held, two));
        assertTrue(MoreCards.replicasOnly(io.oomdoc.protocol.Facts.EMPTY, two));
    }

    /**
     * After a DataLoader worker killed for host RAM (open-mmlab/mmrotate#501, traces/mmrotate-501-dataloader-killed-
     * 16g.txt) the dataset's size can matter: a loader that holds it all grows with it, so no "No:" about the GPU.
     */
    @Test
    void aHostRamKillGetsNoGpuVerdictOnTheDatasetSize() throws Exception {
        Conversation c = new Conversation();
        c.respond(java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/resources/traces/mmrotate-501-dataloader-killed-16g.txt")));
        String a = c.respond("the dataset is small, only 5,000 images. shouldn't that matter?").text();
        assertFalse(a.startsWith("No: the size of the dataset"), a);
    }
}
