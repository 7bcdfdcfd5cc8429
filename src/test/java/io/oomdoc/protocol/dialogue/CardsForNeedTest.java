package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static io.oomdoc.protocol.dialogue.FitTurnsOnRealThreadsTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Which GPU do I need?" is answered with the card size that holds the need (dialogue/card-tiers.tsv). */
class CardsForNeedTest {
    /**
     * MoonshotAI/Kimi-VL#1 (conversations_heldout20 P15 #1): "which GPU do I need to run Kimi-VL-A3B-Instruct in bf16?
     * it is a 16B mixture-of-experts". All 16B weights stay in memory, 32 GB in bf16: a 40 GB card, or 48 GB for
     * room; the card is the answer, not a question asked back.
     */
    @Test
    void whichCardIsAnsweredWithTheSmallestSizeThatHoldsTheNeed() {
        Answer a = turn("conversations_heldout20", "P15-kimi-vl-a3b-bf16-gpu.txt", 1);
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().contains("is 40.00 GiB (A100 40GB)"), a.text());
        assertTrue(a.text().contains("48.00 GiB (A6000"), a.text());
        assertFalse(a.text().contains(Messages.get("ask.gpu")), a.text());
    }

    /** 30 GiB would squeeze into a 32 GB card with nothing to spare: 15% headroom on top makes it the 40 GB size. */
    @Test
    void theHeadroomDecidesTheSize() {
        String s = CardsForNeed.of(30 * Bytes.GIB);
        assertTrue(s.contains("is 40.00 GiB (A100 40GB)"), s);
    }

    /** A need over the largest card is split over several of them. */
    @Test
    void aNeedOverEveryCardIsSplitOverSeveral() {
        String s = CardsForNeed.of(300 * Bytes.GIB);
        assertTrue(s.contains("3 × 141.00 GiB (H200)"), s);
    }

    /** Each card a tier names is a catalog card sold with that size. */
    @Test
    void everyTierCardIsACatalogCardOfThatSize() {
        for (var t : CardsForNeed.tiers()) {
            for (String card : t.cards()) {
                var gpu = GpuCatalog.find(card);
                assertTrue(gpu.isPresent(), card);
                assertEquals(t.bytes() / Bytes.GIB, Math.round(gpu.get().marketedBytes() / (double) Bytes.GIB), card);
            }
        }
    }
}
