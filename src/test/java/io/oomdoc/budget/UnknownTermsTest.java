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
        return Setup.builder(LLAMA).seq(seq).batch(batch).checkpointing(Setup.Checkpointing.FULL).loraRank(16)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
    }

    private static Setup serving(int seq) {
        return Setup.builder(LLAMA).seq(seq).mode(Setup.Mode.INFER).precision(Setup.Precision.BF16)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
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
        Setup full = Setup.builder(LLAMA).batch(4).checkpointing(Setup.Checkpointing.FULL)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
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
        Setup shapeless = Setup.builder(ModelSpec.ofParams("x", LLAMA.params())).seq(2048).mode(s.mode())
                .precision(s.precision()).optimizer(s.optimizer()).checkpointing(s.checkpointing())
                .attention(s.attention()).loraRank(16).contextBytes(s.contextBytes()).build();
        assertFalse(engine.estimate(shapeless, CARD).known(Budget.ACTIVATIONS));
    }

    @Test
    void noLadderRungIsAFitWhileTheActivationsAreUnknown() {
        Setup full = Setup.builder(LLAMA).batch(4).contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
        List<Ladder.Rung> rungs = new Ladder().climb(full, CARD);
        assertFalse(rungs.isEmpty());
        assertTrue(rungs.stream().noneMatch(r -> Boolean.TRUE.equals(r.fits())), rungs.toString());
        assertTrue(rungs.stream().anyMatch(r -> r.fits() == null), "the offloaded states fit: verdict unknown");
    }
}
