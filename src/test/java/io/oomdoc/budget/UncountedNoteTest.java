package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ux14 rows 28 and 29 (bench/results.md): the note on uncounted activations asks only for what was not given.
 * Row 28 is the setup of https://github.com/ollama/ollama/issues/3460 (Ollama's dolphin-mixtral, 4-bit, num_ctx
 * 2048, on 24 GB), budgeted with --seq and without --batch; row 29 the FLUX.1-dev transformer of
 * https://github.com/sgl-project/sglang/issues/17070 on an RTX 4090, a catalog row with a parameter count only.
 */
class UncountedNoteTest {
    private static final long CARD = 24L * Bytes.GIB;
    private final BudgetEngine engine = new BudgetEngine();

    private static Setup serve(ModelSpec m, int seq) {
        return Setup.builder(m).mode(Setup.Mode.INFER).quant(Setup.Quant.NF4).seq(seq).batch(0)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
    }

    @Test
    void withTheSequenceLengthGivenOnlyTheBatchIsAskedFor() {
        Budget b = engine.estimate(serve(ModelCatalog.find("mixtral-8x7b").orElseThrow(), 2048), CARD);
        String note = b.assumptions().stream().filter(a -> a.startsWith("activations not counted")).findFirst()
                .orElseThrow();
        assertTrue(note.contains("--batch"), note);
        assertFalse(note.contains("--seq"), note);
    }

    @Test
    void aCatalogModelWithoutLayerShapeIsNamedNotAskedForAgain() {
        Budget b = engine.estimate(serve(ModelCatalog.find("flux-dev-transformer").orElseThrow(), 0), CARD);
        String note = b.assumptions().stream().filter(a -> a.startsWith("activations not counted")).findFirst()
                .orElseThrow();
        assertTrue(note.contains("no layer shape for flux-dev-transformer"), note);
        assertFalse(note.contains("give --model"), note);
    }

    @Test
    void aBareParameterCountStillAsksForTheModel() {
        Budget b = engine.estimate(serve(ModelSpec.ofParams("7B params", 7_000_000_000L), 2048), CARD);
        assertTrue(b.assumptions().stream().anyMatch(a -> a.contains("give --model")), b.assumptions().toString());
    }
}
