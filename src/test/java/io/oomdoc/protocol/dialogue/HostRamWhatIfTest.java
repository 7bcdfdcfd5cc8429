package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A what-if about a host-RAM failure (DataLoader workers killed) needs no GPU budget, so it does not end by asking
 * which model it is. The failure is SoftGroup#18 (conversations_heldout6/G34, turns 1 and 4).
 */
class HostRamWhatIfTest {
    @Test
    void aWorkerCountWhatIfOnAKilledWorkerDoesNotAskForTheModel() {
        Conversation c = new Conversation();
        c.respond("after a few hundred training epochs I get:\nRuntimeError: DataLoader worker (pid 75890) is killed"
                + " by signal: Killed.\nthe dataloader worker seemed to be stuck. how can I solve it?");
        String s = c.respond("what if I set num_workers to 2 instead of 8").text();
        assertFalse(s.contains(Messages.get("ask.model")), s);
        assertTrue(s.contains("0.25"), s);
    }
}
