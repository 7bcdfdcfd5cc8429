package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The headroom a budget reports is on the card as PyTorch sees it (torch.cuda.get_device_properties().total_memory,
 * about 1.5% under the marketed size: a 24 GiB RTX 3090 shows about 23.7 GiB; GpuCatalog.usableBytes), the same
 * bytes its fit verdict is on. GPT-2 from the catalog (its config.json), batch 8 x 1024, mixed precision, AdamW.
 */
class HeadroomTest {
    private final BudgetEngine engine = new BudgetEngine();
    private final Setup gpt2 = Setup.builder(ModelCatalog.find("gpt2").orElseThrow()).seq(1024).batch(8)
            .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();

    @Test
    void aBudgetBetweenWhatPyTorchSeesAndTheMarketedSizeDoesNotFitAndHasNoHeadroom() {
        long total = engine.estimate(gpt2, null).perGpuBytes().total();
        long card = total + (100L << 20); // the marketed size 100 MiB over the total; PyTorch sees less than it
        Budget b = engine.estimate(gpt2, card);
        assertFalse(b.fits());
        assertTrue(b.headroomBytes() < 0, "headroom " + b.headroomBytes());
    }

    @Test
    void theHeadroomOfABudgetThatFitsIsWhatPyTorchCanStillAllocate() {
        long card = 24L << 30;
        Budget b = engine.estimate(gpt2, card);
        assertTrue(b.fits());
        assertEquals(GpuCatalog.usableBytes(card) - b.perGpuBytes().total(), b.headroomBytes());
    }
}
