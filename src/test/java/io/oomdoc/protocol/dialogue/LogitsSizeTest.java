package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/** The logits' size is sequences × tokens × vocabulary × bytes, the dimensions left out taken from before (issue 13). */
class LogitsSizeTest {
    private static final Path SET_8 = Path.of("src/test/resources/conversations_heldout8");
    private static final Path SET_12 = Path.of("src/test/resources/conversations_heldout12");
    private static final Path SET_13 = Path.of("src/test/resources/conversations_heldout13");

    /** heldout13 N03 (PyTorch forum, DataParallel LSTM): batch 64, sequence 35, a 33k vocabulary in fp32. */
    @Test
    void everyDimensionSaidInTheTurnIsMultiplied() {
        holdsSaying(SET_13, "N03-pytorch-forum-imbalanced-memory-lstm-dataparallel.txt", 3,
                "64 sequences × 35 tokens × 33,000 vocabulary entries × 4 bytes = 296 MB");
    }

    /** heldout12 M38 (a validator's trainer.evaluate()): the same eval set with Qwen's 151,936-entry vocabulary. */
    @Test
    void aNewVocabularyKeepsTheOtherDimensionsAndIsARatio() {
        holdsSaying(SET_12, "M38-llm-loss-validator-trainer-evaluate-accumulates-logits.txt", 4,
                "Vocabulary 32,000 → 151,936: the logits scale with it, ×4.75");
    }

    /** heldout8 I18 (transformers' Trainer accumulating MLM logits): 365,000 examples at the 512 × 30,522 said. */
    @Test
    void aNewCountOfSequencesKeepsTheLengthAndVocabularySaid() {
        holdsSaying(SET_8, "I18-transformers-trainer-accumulates-mlm-logits.txt", 4, "= 22.8 TB");
    }
}
