package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static io.oomdoc.protocol.dialogue.FitTurnsOnRealThreadsTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fit asked about a model the budget does not know gets a conditional verdict from the card alone: the largest
 * model it holds for the job asked (CardCapacity), before the question asked back. The turns are played from burned
 * conversation sets; each file records its thread's URL on its source line.
 */
class CardCapacityTest {
    /**
     * JuliaWolleb/Diffusion-based-Segmentation#66 (conversations_heldout22 P31 #1): "can an RTX 3090 with 24 GB train
     * the Diffusion-based-Segmentation model?" (24 GiB − 1 GiB) × 0.8 at 16 bytes a parameter is about 1.2B.
     */
    @Test
    void trainingOnANamedCardSaysTheLargestModelItFullyFineTunes() {
        Answer a = turn("conversations_heldout22", "P31-diffusion-segmentation-3090-other-process.txt", 1);
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().contains("(about 16 bytes a parameter) fits a model of up to about 1.2B parameters"),
                a.text());
        assertTrue(a.text().indexOf("up to about 1.2B") < a.text().indexOf(Messages.get("ask.model")), a.text());
    }

    /**
     * z-x-yang/CFBI#11 (conversations_heldout16 P18 #1): "is an nvidia Tesla V100 32GB enough for CFBI inference?"
     * Running needs only the 16-bit weights: (32 GiB − 1 GiB) × 0.8 at 2 bytes a parameter is about 13B.
     */
    @Test
    void runningOnANamedCardSaysTheLargestModelItHoldsIn16Bit() {
        Answer a = turn("conversations_heldout16", "P18-cfbi-v100-32gb-inference.txt", 1);
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().contains("weights in 16-bit (2 bytes a parameter) fit a model of up to about 13B"),
                a.text());
    }

    /** Below a billion the size is said in tens of millions, above ten billion in whole billions. */
    @Test
    void sizesAreRoundedToWhatTheEstimateCanClaim() {
        assertEquals("540M", CardCapacity.params(8.6e9, 16));
        assertEquals("3.9B", CardCapacity.params(8.6e9, 2.2));
        assertEquals("16B", CardCapacity.params(8.6e9, 0.55));
    }
}
