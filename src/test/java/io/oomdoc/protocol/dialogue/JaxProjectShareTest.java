package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * A project built on JAX (openpi, TimesFM 1.0) that shows far more memory than its model needs: JAX's up-front share of
 * the card, though the user never names JAX (burned sets 5 and 27, development data). Each turn played through the
 * engine as its conversation goes.
 */
class JaxProjectShareTest {
    private static final Path SET5 = Path.of("src/test/resources/conversations_heldout5");
    private static final Path SET10 = Path.of("src/test/resources/conversations_heldout10");
    private static final Path SET27 = Path.of("src/test/resources/conversations_heldout27");
    private static final String OPENPI = "F17-openpi-pi0-lora-44gb-on-a6000-prealloc.txt";

    /** github.com/Physical-Intelligence/openpi/issues/284: a pi0 config "occupies 44 GB" on an A6000. */
    @Test
    void anOpenpiConfigHoldsItsShareOfTheCard() {
        holdsSaying(SET5, OPENPI, 1, "JAX (XLA) takes a share of each visible card at its first operation");
    }

    /** The same thread: "why exactly 44 GB" is openpi's 0.9 of the card, not JAX's default 0.75. */
    @Test
    void openpisShareIsNinetyPercent() {
        holdsSaying(SET5, OPENPI, 2, "openpi's README starts training with XLA_PYTHON_CLIENT_MEM_FRACTION=0.9");
    }

    /** github.com/google-research/timesfm/issues/25: 18 GB for 200M parameters of the JAX checkpoint. */
    @Test
    void timesfmsJaxCheckpointHoldsJaxsShare() {
        holdsSaying(SET27, "P19-timesfm-200m-18g-vram.txt", 1, "XLA_PYTHON_CLIENT_MEM_FRACTION, 0.75 unless set");
    }

    /** The same thread's follow-up turn keeps its own answer: the weights in fp32, not the share again. */
    @Test
    void theNextTurnStillGetsTheWeights() {
        holdsSaying(SET27, "P19-timesfm-200m-18g-vram.txt", 2, "200M parameters × 4 bytes (fp32) = 800 MB");
    }

    /** github.com/Physical-Intelligence/openpi/issues/677: openpi's PyTorch port named is PyTorch, not JAX's share. */
    @Test
    void openpisPytorchPortStaysPytorch() {
        var v = CaseFiguresTest.turn(SET10, "K01-openpi-pi0-pytorch-finetune-4090-batch-1.txt", 2);
        org.junit.jupiter.api.Assertions.assertTrue(v.holds() && !v.output().contains("JAX"), v.output());
    }
}
