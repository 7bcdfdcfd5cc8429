package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A turn answered on its DataLoader workers still states the user's setup: the cards and the batch it names are
 * held for the turns after. The turns are conversations_heldout40/P27-clim-killed-with-32-workers.txt #1-#3
 * (CasparSwift/CLIM#3).
 */
class SetupStatedBesideAWorkerChangeTest {
    @Test
    void theCardsAndBatchSaidAfterAWorkerFixAreHeld() {
        Conversation c = new Conversation();
        c.respond("when training CLIM, the process is killed by the system during the first epoch.");
        c.respond("the author asks whether memory is exceeded and suggests lowering the default num_workers=32 or the "
                + "batch size. I only have 10 CPU cores. why would 32 workers take so much RAM?");
        c.respond("num_workers=4 fixed it. now on my two RTX 2080 Tis I can only fit batch_size=6 where the default "
                + "is 24. is that expected?");
        Facts f = c.facts();
        assertEquals(6, f.batch());
        assertEquals(2, f.worldSize());
    }
}
