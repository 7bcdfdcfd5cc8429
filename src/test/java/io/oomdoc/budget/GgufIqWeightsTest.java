package io.oomdoc.budget;

import io.oomdoc.Fixtures;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * llama.cpp's IQ file types are budgeted in their own block sizes, not at 16 bits (issue 14): the sizes llama-bench
 * prints for LLaMA-3.1-8B-Instruct in each type, traces/ik-llama-164-llama31-8b-llama-bench-sizes.txt
 * (ikawrakow/ik_llama.cpp discussion #164, quantized with mainline llama.cpp).
 */
class GgufIqWeightsTest {
    private static final String BENCH = Fixtures.text("traces/ik-llama-164-llama31-8b-llama-bench-sizes.txt");
    private static final ModelSpec LLAMA = ModelCatalog.find("llama-3.1-8b").orElseThrow();
    private final BudgetEngine engine = new BudgetEngine();

    private static double printedGib(String type) {
        Matcher m = Pattern.compile("8B " + type + "\\b[^|]*\\|\\s*([0-9.]+) GiB").matcher(BENCH);
        assertTrue(m.find(), type);
        return Double.parseDouble(m.group(1));
    }

    @ParameterizedTest
    @CsvSource({"IQ4_NL", "IQ4_XS", "IQ2_XXS", "IQ2_XS", "IQ2_M", "IQ3_XXS", "IQ3_S"})
    void anIqFileWeighsWhatLlamaBenchPrints(String type) {
        Setup s = Setup.builder(LLAMA).mode(Setup.Mode.INFER).quant(Setup.Quant.valueOf(type)).build();
        double w = engine.estimate(s, null).perGpuBytes().weights() / (double) Bytes.GIB;
        double printed = printedGib(type);
        assertEquals(printed, w, 0.01 * printed, type + ": " + printed + " GiB printed");
    }
}
