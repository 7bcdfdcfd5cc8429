package io.oomdoc.protocol.facts;

import io.oomdoc.Fixtures;
import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A parameter count the library printed is the model's size, over a size guessed from a name. Real recordings:
 * h200/oom_lightning.log (this project, h200/README.md), conversations_heldout7/H47 (PEFT, source in the file),
 * conversations/48 (Unsloth, https://github.com/unslothai/unsloth/issues/465).
 */
class PrintedParamsTest {
    private static Facts facts(String fixture) { return FactExtractor.extract(Fixtures.text(fixture)); }

    // replay: the whole Lightning log's facts; the one mutant it killed first under PIT (PrintedParams.count's lower
    // bound) PrintedParamsCountTest kills too (bench/results.md "build24"); surefire runs it
    @Test
    @Tag("replay")
    void lightningsSummaryOverrulesTheFamilyNameReadFromAPath() {
        // "gpt2" is read from transformers/models/gpt2/ (124M); the summary prints GPT-2 XL's 1.6 B
        Facts f = facts("h200/oom_lightning.log");
        assertEquals(1_600_000_000L, f.params());
        assertNull(f.model(), "gpt2's 124M is not the model that ran");
    }

    @Test
    void peftsAllParamsIsTheModelNotTheAdapter() {
        assertEquals(337_487_872L,
                facts("conversations_heldout7/H47-trl-sft-peft-barely-below-full-finetune.txt").params());
    }

    @Test
    void theTrainerCountOfAFourBitRunIsTheAdapterAndNotTheModel() {
        // Unsloth prints "Number of trainable parameters = 41,943,040" for LoRA on a 4-bit Llama-3-8B
        assertNotEquals(41_943_040L, facts("conversations/48-unsloth-llama3-8b-t4-18k-context.txt").params());
    }
}
