package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "How much RAM do I need?" after a killed DataLoader worker is about the job's processes, not a model: the failure is
 * open-mmlab/mmrotate#501 (traces/mmrotate-501-dataloader-killed-16g.txt, trial21's defect 16).
 */
class HostRamNeedTest {
    private static Conversation afterTheKill(String setup) throws Exception {
        Conversation c = new Conversation();
        c.respond(Files.readString(Path.of("src/test/resources/traces/mmrotate-501-dataloader-killed-16g.txt"))
                + setup);
        return c;
    }

    @Test
    void theRamQuestionIsAnsweredByProcessesNotByAskingForAModel() throws Exception {
        String s = afterTheKill("").respond("how much RAM do I need?").text();
        assertFalse(s.contains(Messages.get("ask.model")), s);
        assertTrue(s.contains("PSS"), s);
    }

    @Test
    void theProcessesAreCountedFromTheRanksAndTheWorkersSaid() throws Exception {
        String s = afterTheKill("\ndist_train on 4 GPUs, workers_per_gpu=2, the machine has 16 GB RAM")
                .respond("how much RAM do I need?").text();
        assertTrue(s.contains("4 rank(s) × (1 + 2 workers) = 12 processes"), s);
    }
}
