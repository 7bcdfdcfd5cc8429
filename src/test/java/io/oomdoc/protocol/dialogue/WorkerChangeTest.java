package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Would workers_per_gpu=0 fix it?" after a killed DataLoader worker is a yes or no with the processes counted: the
 * failure is open-mmlab/mmrotate#501 (traces/mmrotate-501-dataloader-killed-16g.txt), the question trial21's (defect
 * 17).
 */
class WorkerChangeTest {
    private static Conversation afterTheKill() throws Exception {
        Conversation c = new Conversation();
        c.respond(Files.readString(Path.of("src/test/resources/traces/mmrotate-501-dataloader-killed-16g.txt"))
                + "\ndist_train on 4 GPUs, workers_per_gpu=2, the machine has 16 GB RAM");
        return c;
    }

    @Test
    void noWorkersIsAYesThatCountsTheProcessesThatGoAway() throws Exception {
        String s = afterTheKill().respond("would workers_per_gpu=0 fix it?").text();
        assertTrue(s.startsWith(Messages.get("workers.none", "workers_per_gpu", 4, 12, 4)), s);
    }

    @Test
    void theKnobIsSaidWhereTheStackTheUserNamedSetsIt() throws Exception {
        String s = afterTheKill().respond("would workers_per_gpu=0 fix it?").text();
        assertTrue(s.contains(Messages.get("workers.where.workers_per_gpu")), s);
    }
}
