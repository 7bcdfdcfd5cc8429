package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The T4's row gives nvidia-smi's 15360 MiB (16 GB less in-band ECC). A user who names the card with the size it is
 * sold as said that size, and the facts keep it; a card named alone takes the row's, and so does a size glued to the
 * name, which is the product's name. The sentences are the users' own in MeetKai/functionary#61 (conversations_heldout2
 * K01, burned), zai-org/CogVLM#438 (conversations_heldout6 G09, burned) and huggingface/trl#846 (the dev suite's
 * conversation 47).
 */
class MarketedCardSizeTest {
    @Test
    void aCardNamedWithTheSizeItIsSoldAsKeepsThatSize() {
        Facts f = FactExtractor.extract("the g4dn.xlarge is a single T4 with 16 GB");
        assertEquals("Tesla T4", f.gpuName());
        assertEquals(16L * Bytes.GIB, f.gpuMemBytes());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aCardNamedAloneTakesWhatTheDriverReports() {
        Facts f = FactExtractor.extract("the g4dn.xlarge is a single T4");
        assertEquals(15L * Bytes.GIB, f.gpuMemBytes());
    }

    @Test
    void aSizeGluedToTheNameIsTheProductsNameAndTheRowStands() {
        Facts f = FactExtractor.extract("qlora on mistral 7b instruct with SFTTrainer, 4-bit,"
                + " per_device_train_batch_size 2, max seq length 2048, a10 24gb.");
        assertEquals("A10", f.gpuName());
        assertEquals(23028L << 20, f.gpuMemBytes(), 1L << 20);
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aSizeInBracketsAfterTheNameIsSaidAboutTheCard() {
        Facts f = FactExtractor.extract("i have only a A40 (48GB). although i use lora to finetune CogVLM i still meet"
                + " \"cuda out of memory\".");
        assertEquals("A40", f.gpuName());
        assertEquals(48L * Bytes.GIB, f.gpuMemBytes());
    }
}
