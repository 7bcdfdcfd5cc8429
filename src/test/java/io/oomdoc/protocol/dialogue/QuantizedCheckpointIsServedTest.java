package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Mixtral 8x7B at Q4": a quantized checkpoint format is a model that is run, so a fit question about it budgets the
 * served weights at 4 bits, not 20 bytes per parameter of training state (burned set 15); and a what-if that spells a
 * setting out keeps the term that says what the value asked does, once (burned set 10).
 */
class QuantizedCheckpointIsServedTest {
    private static final Path SET10 = Path.of("src/test/resources/conversations_heldout10");
    private static final Path SET15 = Path.of("src/test/resources/conversations_heldout15");

    /** github.com/AlexsJones/llmfit/issues/3 (#1): Mixtral 8x7B at Q4, about 25 GiB served. */
    @Test
    void aQ4CheckpointIsBudgetedAsServedFourBitWeights() {
        var v = turn(SET15, "P32-llmfit-mixtral-8x7b-q4-moe-16gb-expert-offload.txt", 1);
        assertTrue(v.output().contains("the weights of mixtral-8x7b alone take 25.04 GiB"), v.output());
        assertFalse(v.output().contains("bytes per parameter"), v.output());
    }

    /**
     * github.com/pytorch/pytorch/issues/5902 (#4): "num_workers=0" keeps the glossary term that says what the workers
     * copy, and the catalog row of the same setting is not said a second time.
     */
    @Test
    void aSpelledOutSettingKeepsTheTermThatSaysWhatTheValueDoes() {
        var v = turn(SET10, "K15-pytorch-dataloader-workers-3x-host-ram.txt", 4);
        assertTrue(v.output().startsWith("Dataloader workers copy"), v.output());
        assertFalse(v.output().contains("PyTorch DataLoader(num_workers"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
