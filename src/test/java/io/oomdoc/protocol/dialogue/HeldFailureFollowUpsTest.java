package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Follow-ups about the failure held that its evidence answers. conversations_heldout18/P17 is deepbeepmeep/Wan2GP#1393
 * (LTX-2 on a 3060 12 GB with 64 GB of RAM, "unsufficient RAM"); conversations_heldout25/P31 is saforem2/ezpz#173
 * (a 2B model at seq 8192 under FSDP1, checkpointing, chunked loss and torch.compile ruled out); traces/detectron2-1563
 * is facebookresearch/detectron2#1563 (Mask R-CNN on a 32 GB V100, CUDA out of memory in backward).
 */
class HeldFailureFollowUpsTest {
    @Test
    void aHostRamFailureAnswersRamWhenAskedCardOrRam() {
        String a = PlayedTurns.answerTo("conversations_heldout18", "P17-wan2gp-ltx2-3060-64gb-ram.txt", 2);
        assertTrue(a.startsWith("The RAM (the machine's memory), not the card"), a);
        assertTrue(a.lines().count() <= 3, a);
    }

    @Test
    void aCudaFailureAnswersTheCardWithItsSize() throws Exception {
        Conversation c = new Conversation();
        c.respond(Files.readString(Path.of("src/test/resources/traces/detectron2-1563-maskrcnn-backward-v100.txt")));
        String a = c.respond("is it the GPU running out or the system RAM?").text();
        assertTrue(a.startsWith("The card (its "), a);
        assertTrue(a.contains("not the system RAM"), a);
    }

    @Test
    void aQuestionNamingOneMemoryIsNotAskedWhichOne() {
        assertNull(WhichMemory.answer("how much RAM do I need?", null));
    }

    @Test
    void checkpointingRuledOutSpendsEveryCheckpointingRung() {
        String a = PlayedTurns.answerTo("conversations_heldout25", "P31-ezpz-fsdp1-seq8192.txt", 2);
        String next = a.lines().filter(l -> l.startsWith("Next rung:")).findFirst().orElse("");
        assertFalse(next.isEmpty(), a);
        assertFalse(next.toLowerCase(java.util.Locale.ROOT).contains("checkpoint"), a);
    }

    @Test
    void onlyTheClausesThatRuleSomethingOutSpendIt() {
        assertEquals(java.util.Set.of("precision"),
                SpentMechanisms.said("would checkpointing help? I already use bf16"));
        assertEquals(java.util.Set.of("offload"),
                SpentMechanisms.said("without offload, what else could make it fit on two 40 GB cards?"));
    }
}
