package io.oomdoc.budget;

import io.oomdoc.Fixtures;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Serving as llama.cpp does it (issue 14, item 2): the KV cache of the whole context is allocated at load. Checked
 * against llama.cpp's own startup lines in a paste of a burned conversation set (development data, scored before this
 * round): conversations_heldout9/J25 (ollama/ollama#8164: Llama 3.2 3B, n_ctx 8192, "KV self size = 896.00 MiB",
 * "compute buffer size = 424.01 MiB").
 */
class BudgetLlamaCppContextTest {
    private static final String J25 =
            "conversations_heldout9/J25-ollama-llama32-3b-will-fit-but-runs-on-cpu-4060ti.txt";
    private final BudgetEngine engine = new BudgetEngine();

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    private static Setup serve(String model, int ctx) {
        return Setup.builder(ModelCatalog.find(model).orElseThrow()).mode(Setup.Mode.INFER)
                .precision(Setup.Precision.FP16).batch(0).contextTokens(ctx)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build();
    }

    @Test
    void theKvCacheIsTheWholeContextLlamaCppAllocatesAtLoad() {
        String paste = Fixtures.text(J25);
        int ctx = (int) number(paste, "n_ctx\\s*=\\s*(\\d+)");
        double measured = number(paste, "KV self size\\s*=\\s*([0-9.]+) MiB") * Bytes.MIB;
        Budget b = engine.estimate(serve("llama-3.2-3b", ctx), 16L * Bytes.GIB);
        assertEquals(measured, b.perGpuBytes().kvCache(), 0.001 * measured, "896 MiB printed");
        assertTrue(b.complete(), "no --batch needed: " + b.unknownTerms());
        assertEquals(Boolean.TRUE, b.fits());
        // llama.cpp's cache is f16 by default whatever the weights' dtype
        Setup fp32 = serve("llama-3.2-3b", ctx).withPrecision(Setup.Precision.FP32);
        assertEquals(measured, engine.estimate(fp32, null).perGpuBytes().kvCache(), 0.001 * measured);
    }

    @Test
    void withoutFlashAttentionTheComputeBufferHoldsTheScoresOfAMicroBatchAgainstTheWholeContext() {
        // ollama of December 2024 ran llama.cpp without flash attention unless OLLAMA_FLASH_ATTENTION was set
        String paste = Fixtures.text(J25);
        double measured = number(paste, "compute buffer size\\s*=\\s*([0-9.]+) MiB") * Bytes.MIB;
        Setup s = serve("llama-3.2-3b", 8192).withAttention(Setup.Attention.EAGER);
        assertEquals(measured, engine.estimate(s, null).perGpuBytes().activations(), 0.06 * measured, "424 MiB");
    }

    @Test
    void theAnswerSaysHowManySequencesOfTheGivenLengthTheContextHolds() {
        Budget b = engine.estimate(serve("llama-3.2-3b", 8192).withSeq(2048), 16L * Bytes.GIB);
        assertTrue(b.assumptions().stream().anyMatch(a -> a.contains("4 sequence(s) of 2048 tokens")),
                String.join("\n", b.assumptions()));
    }

    @Test
    void parallelSlotsSplitTheContextAndARequestLongerThanItsSlotDoesNotFit() {
        // ggml-org/llama.cpp#11681 (conversations_heldout11/L30, burned): --ctx-size 163840 --parallel 6
        String paste = Fixtures.text("conversations_heldout11/L30-llama-server-ctx-size-divided-by-parallel-deepseek-v3"
                + ".txt");
        int ctx = (int) number(paste, "--ctx-size (\\d{4,})"), slots = (int) number(paste, "--parallel (\\d+)");
        Setup s = serve("llama-3.1-8b", ctx).toBuilder().slots(slots).seq(32768).build();
        Budget b = engine.estimate(s, 80L * Bytes.GIB);
        assertEquals(Boolean.FALSE, b.fits(), "32768 tokens exceed a slot of 163840 / 6");
        assertTrue(b.assumptions().stream().anyMatch(a -> a.contains("27306 tokens") && !a.isEmpty()),
                String.join("\n", b.assumptions()));
        assertTrue(b.assumptions().stream().anyMatch(a -> a.contains("--ctx-size 196608")),
                String.join("\n", b.assumptions()));
        assertEquals(Boolean.TRUE, engine.estimate(s.withSeq(16384), 80L * Bytes.GIB).fits());
    }

    @Test
    void withoutAContextSizeAServingBudgetWithoutABatchStaysOpen() {
        Setup s = serve("llama-3.2-3b", 0).withSeq(8192);
        assertFalse(engine.estimate(s, 16L * Bytes.GIB).complete(), "the sequences served at once are unknown");
    }
}
