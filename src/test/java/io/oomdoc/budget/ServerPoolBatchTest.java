package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * --batch under a server's pool is the sequences served at once: llama-server runs one request a slot (--parallel,
 * each slot n_ctx / slots tokens: ggml-org/llama.cpp#11681), vLLM as many as its KV cache holds. A request longer than
 * a slot is short of the KV of its missing tokens in every slot. Setups: Llama 3.2 3B at n_ctx 8192 as in
 * ollama/ollama#8164, and llama.cpp#11681's --ctx-size 163840 --parallel 6.
 */
class ServerPoolBatchTest {
    private static final long CARD = 80L * Bytes.GIB;
    private final BudgetEngine engine = new BudgetEngine();

    private static Setup.Builder llamaServer(String model, int ctx, int slots) {
        return Setup.builder(ModelCatalog.find(model).orElseThrow()).mode(Setup.Mode.INFER)
                .precision(Setup.Precision.FP16).contextTokens(ctx).slots(slots)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT);
    }

    @Test
    void twoRequestsAtOnceOnOneSlotDoNotFit() {
        Budget b = engine.estimate(llamaServer("llama-3.2-3b", 8192, 1).seq(2048).batch(2).build(), CARD);
        assertEquals(Boolean.FALSE, b.fits());
        assertTrue(b.assumptions().contains(AssumptionText.get("serve.poolBatch", 2, 1, 2048)),
                String.join("\n", b.assumptions()));
    }

    @Test
    void twoRequestsOnTwoSlotsFit() {
        assertEquals(Boolean.TRUE, engine.estimate(llamaServer("llama-3.2-3b", 8192, 2).seq(2048).batch(2).build(),
                CARD).fits());
    }

    @Test
    void aRequestLongerThanItsSlotIsShortOfItsMissingTokensInEverySlot() {
        Setup s = llamaServer("llama-3.1-8b", 163_840, 6).seq(32_768).batch(0).build();
        Budget b = engine.estimate(s, CARD);
        long missing = 32_768 - 163_840 / 6;
        assertEquals(-missing * 6 * BudgetEngine.kvBytesPerToken(s, s.model()), b.headroomBytes());
    }
}
