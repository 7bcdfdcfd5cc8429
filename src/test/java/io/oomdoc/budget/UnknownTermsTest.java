package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 14 item 6: a catalog model named without a sequence length has no computable activations. The budget names
 * the terms it could not compute instead of passing them off as 0 B, and it never calls such a total a fit.
 * Model: llama-3.1-8b from the catalog (its config.json dimensions); card: a 24 GB RTX 3090/4090.
 */
class UnknownTermsTest {
    private static final long CARD = 24L * Bytes.GIB;
    private static final ModelSpec LLAMA = ModelCatalog.find("llama-3.1-8b").orElseThrow();
    private final BudgetEngine engine = new BudgetEngine();

    private static Setup lora(int seq, int batch) {
        return new Setup(LLAMA, seq, batch, Setup.Mode.TRAIN, Setup.Precision.MIXED_BF16, Setup.Optimizer.ADAMW,
                Setup.Checkpointing.FULL, Setup.Attention.SDPA, 0, 1, 16, Setup.Quant.NONE,
                BudgetEngine.DEFAULT_CONTEXT);
    }

    private static Setup serving(int seq) {
        return new Setup(LLAMA, seq, 1, Setup.Mode.INFER, Setup.Precision.BF16, Setup.Optimizer.ADAMW,
                Setup.Checkpointing.NONE, Setup.Attention.SDPA, 0, 1, 0, Setup.Quant.NONE,
                BudgetEngine.DEFAULT_CONTEXT);
    }

    @Test
    void aTrainingBudgetWithoutSequenceLengthNamesActivationsAndLogitsUnknown() {
        Budget b = engine.estimate(lora(0, 4), CARD);
        assertEquals(List.of(Budget.ACTIVATIONS, Budget.LOGITS), b.unknownTerms());
        assertFalse(b.complete());
    }

    @Test
    void statesThatFitWithUnknownActivationsAreNoFit() {
        Budget b = engine.estimate(lora(0, 4), CARD);
        assertTrue(b.perGpuBytes().total() < GpuCatalog.usableBytes(CARD), "the LoRA states alone fit on 24 GB");
        assertNull(b.fits(), "a fit over unknown activations is unknown");
    }

    @Test
    void statesThatDoNotFitAreNoFitWhateverTheActivations() {
        Setup full = new Setup(LLAMA, 0, 4, Setup.Mode.TRAIN, Setup.Precision.MIXED_BF16, Setup.Optimizer.ADAMW,
                Setup.Checkpointing.FULL, Setup.Attention.SDPA, 0, 1, 0, Setup.Quant.NONE,
                BudgetEngine.DEFAULT_CONTEXT);
        assertEquals(Boolean.FALSE, engine.estimate(full, CARD).fits());
    }

    @Test
    void withSequenceLengthAndBatchEveryTermIsKnownAndTheVerdictGiven() {
        Budget b = engine.estimate(lora(2048, 1), CARD);
        assertTrue(b.complete(), b.unknownTerms().toString());
        assertTrue(b.perGpuBytes().activations() > 0);
        assertEquals(Boolean.TRUE, b.fits());
    }

    @Test
    void servingWithoutSequenceLengthNamesTheKvCacheUnknownAndClaimsNoFit() {
        Budget b = engine.estimate(serving(0), CARD);
        assertEquals(List.of(Budget.ACTIVATIONS, Budget.KV_CACHE), b.unknownTerms());
        assertNull(b.fits(), "16 GB of bf16 weights fit, the KV cache is unknown");
        assertEquals(Boolean.TRUE, engine.estimate(serving(4096), CARD).fits());
    }

    @Test
    void aModelWithoutItsShapeHasUnknownActivationsEvenWithSequenceLength() {
        Setup s = lora(2048, 1);
        Setup shapeless = new Setup(ModelSpec.ofParams("x", LLAMA.params()), 2048, 1, s.mode(), s.precision(),
                s.optimizer(), s.checkpointing(), s.attention(), 0, 1, 16, Setup.Quant.NONE, s.contextBytes());
        assertFalse(engine.estimate(shapeless, CARD).known(Budget.ACTIVATIONS));
    }

    @Test
    void noLadderRungIsAFitWhileTheActivationsAreUnknown() {
        Setup full = new Setup(LLAMA, 0, 4, Setup.Mode.TRAIN, Setup.Precision.MIXED_BF16, Setup.Optimizer.ADAMW,
                Setup.Checkpointing.NONE, Setup.Attention.SDPA, 0, 1, 0, Setup.Quant.NONE,
                BudgetEngine.DEFAULT_CONTEXT);
        List<Ladder.Rung> rungs = new Ladder().climb(full, CARD);
        assertFalse(rungs.isEmpty());
        assertTrue(rungs.stream().noneMatch(r -> Boolean.TRUE.equals(r.fits())), rungs.toString());
        assertTrue(rungs.stream().anyMatch(r -> r.fits() == null), "the offloaded states fit: verdict unknown");
    }
}
