package io.oomdoc.budget;

import io.oomdoc.Fixtures;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * llama.cpp's GGUF weights (issue 14, item 2: quantized serving budgeted in its quantized bytes), against the size
 * llama.cpp prints when it loads a file: traces/ollama-6279-llama31-70b-q4_0-load.txt (ollama/ollama#6279: Meta
 * Llama 3.1 70B Instruct, Q4_0, "model size = 37.22 GiB (4.53 BPW)").
 */
class GgufWeightsTest {
    private static final String LOAD = Fixtures.text("traces/ollama-6279-llama31-70b-q4_0-load.txt");
    private final BudgetEngine engine = new BudgetEngine();

    private static double number(String regex) {
        Matcher m = Pattern.compile(regex).matcher(LOAD);
        assertTrue(m.find(), regex);
        return Double.parseDouble(m.group(1));
    }

    private static Setup served(String model, Setup.Quant q) {
        return Setup.builder(ModelCatalog.find(model).orElseThrow()).mode(Setup.Mode.INFER).quant(q).build();
    }

    @Test
    void aQ4_0FileIsWhatLlamaCppPrintsAtLoad() {
        double measured = number("model size\\s*=\\s*([0-9.]+) GiB") * Bytes.GIB;
        long w = engine.estimate(served("llama-3.1-70b", Setup.Quant.Q4_0), null).perGpuBytes().weights();
        assertEquals(measured, w, 0.005 * measured, "37.22 GiB printed");
    }

    @Test
    void theOutputMatrixInQ6KIsWhatLiftsQ4_0AboveFourAndAHalfBits() {
        double bpw = number("\\(([0-9.]+) BPW\\)");
        long w = GgufWeights.bytes(ModelCatalog.find("llama-3.1-70b").orElseThrow(), Setup.Quant.Q4_0);
        assertEquals(bpw, w * 8.0 / 70_553_706_496L, 0.01, "4.53 bits per weight printed");
    }

    @Test
    void q4KMKeepsMoreBitsThanQ4_0AndQ8_0HoldsEightAndAHalfBitsAWeight() {
        ModelSpec m = ModelCatalog.find("llama-3.1-8b").orElseThrow();
        long q40 = GgufWeights.bytes(m, Setup.Quant.Q4_0), q4km = GgufWeights.bytes(m, Setup.Quant.Q4_K_M);
        long q80 = GgufWeights.bytes(m, Setup.Quant.Q8_0);
        assertTrue(q4km > q40 && q4km < 1.1 * q40, q4km + " vs " + q40);
        assertEquals(8.5 / 8, (double) q80 / m.params(), 0.005, "Q8_0: 34 bytes per 32 weights, every matrix");
    }

    @Test
    void halfTheLayersGetMoreBitsInQ4KM() {
        assertEquals(16, GgufWeights.moreBitsLayers(32));
        assertEquals(40, GgufWeights.moreBitsLayers(80));
    }

    @Test
    void theOlderBlockTypesHoldFiveFiveAndAHalfAndSixBitsAWeight() {
        // ggml-common.h: block_q4_1 20 B, block_q5_0 22 B, block_q5_1 24 B for 32 weights
        ModelSpec m = ModelCatalog.find("llama-3.1-8b").orElseThrow();
        long q40 = GgufWeights.bytes(m, Setup.Quant.Q4_0);
        // every weight but the output matrix, which stays Q6_K in all three
        double blockTyped = m.params() - (double) m.vocab() * m.hidden();
        assertEquals(0.5 / 8 * blockTyped, GgufWeights.bytes(m, Setup.Quant.Q4_1) - q40, 1e6,
                "Q4_1: half a bit above Q4_0");
        assertEquals(1.0 / 8 * blockTyped, GgufWeights.bytes(m, Setup.Quant.Q5_0) - q40, 1e6, "Q5_0: a bit above Q4_0");
        assertEquals(1.5 / 8 * blockTyped, GgufWeights.bytes(m, Setup.Quant.Q5_1) - q40, 1e6,
                "Q5_1: a bit and a half above Q4_0");
    }
}
