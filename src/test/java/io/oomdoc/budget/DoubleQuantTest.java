package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * NF4 with double quantization (bitsandbytes' bnb_4bit_use_double_quant, litgpt's nf4-dq, axolotl's loader default):
 * each 64-block's absmax in 8 bits plus one fp32 constant per 256 of them, 0.5 + 1/64 + 4/16384 B a weight instead
 * of 0.5 + 4/64. Measured: litgpt's quantize tutorial (tutorials/quantize.md), Falcon-7B generate in bf16-true,
 * torch.cuda.max_memory_allocated: "Memory used: 5.72 GB" with --quantize nf4 and 5.37 GB with nf4-dq
 * (measured_budget8.json, litgpt-quantize-falcon-7b-nf4 and -nf4-dq).
 */
class DoubleQuantTest {
    private final BudgetEngine engine = new BudgetEngine();
    private final ModelSpec falcon = ModelCatalog.find("falcon-7b").orElseThrow();

    private long weights(boolean dq) {
        return engine.estimate(Setup.builder(falcon).mode(Setup.Mode.INFER).precision(Setup.Precision.BF16)
                .quant(Setup.Quant.NF4).doubleQuant(dq).seq(256).batch(1).build(), null).perGpuBytes().weights();
    }

    @Test
    void doubleQuantizationSavesWhatLitgptMeasuredOnFalcon7b() {
        assertEquals(5.72e9 - 5.37e9, weights(false) - weights(true), 0.06e9);
    }
}
