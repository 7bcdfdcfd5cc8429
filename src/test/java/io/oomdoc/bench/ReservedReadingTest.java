package io.oomdoc.bench;

import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A figure read from torch.cuda.memory_reserved() is the caching allocator's pool, which holds no CUDA context, like
 * max_memory_reserved(): the reader compares it with the estimate less the context. Record: universal-llm-trainer's
 * GPU test table (ljm565/universal-llm-trainer, docs/gpu_test.md), whose trainer prints memory_reserved()/1e9 after
 * each step (measured_heldout2.json, burned; before, these rows were compared with the context counted in).
 */
class ReservedReadingTest {
    @Test
    void aMemoryReservedFigureIsComparedWithoutTheCudaContext() throws IOException {
        Setup s = BudgetBench.devSetup(MeasuredRecords.byId("heldout2", "ult-phi-3-mini-full-h100"));
        assertEquals(0, s.contextBytes());
    }
}
