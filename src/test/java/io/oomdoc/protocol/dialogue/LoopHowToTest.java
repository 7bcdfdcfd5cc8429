package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "how do I add autocast and GradScaler to the loop?" asks for plain PyTorch: GradScaler is PyTorch's own class (the
 * Trainer, Accelerate and Lightning add the scaler themselves) and the loop is the user's. Turn 4 of the burned
 * set 28's conversation from github.com/wei-tim/YOWO/issues/71 (P33-yowo-3060-accumulation-128.txt), asked once for
 * the class without the turns before it (they name no stack).
 */
class LoopHowToTest {
    private static final String ANSWER = new Conversation()
            .respond("how do I add autocast and GradScaler to the loop?").text();

    @Test
    void gradScalerInTheLoopGetsThePlainPytorchSnippet() {
        assertTrue(ANSWER.contains("scaler = torch.amp.GradScaler('cuda')"), ANSWER);
    }

    @Test
    void aSecondTopicTheFirstSnippetAlreadyShowsIsNotRepeated() {
        assertFalse(ANSWER.contains("mixed precision with"), ANSWER);
    }
}
