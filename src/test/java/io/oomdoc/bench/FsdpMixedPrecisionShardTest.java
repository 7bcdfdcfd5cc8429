package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under FSDP mixed precision the shard each rank keeps is the fp32 parameters themselves, which the optimizer steps;
 * the 16-bit copy exists only for the gathered unit (PyTorch's MixedPrecisionPolicy docstring: FSDP "does not require
 * any extra memory to keep a high-precision copy of the parameters for the optimizer step"). DeepSpeed ZeRO-3 keeps a
 * 16-bit partition beside the fp32 master: 18 B a parameter over N against FSDP's 16; and it keeps up to 1e9 16-bit
 * parameters gathered (stage3_max_live_parameters) where FSDP gathers one unit.
 * Records (burned sets): the Hugging Face blog's FSDP Llama 2 70B full fine-tune on 16 A100 80GB
 * (https://github.com/huggingface/blog/blob/062647cf135331f92028ace3a8ada12f0b76cec9/ram-efficient-pytorch-fsdp.md,
 * measured_heldout6.json) and llm-foundry's benchmark table, MPT-7B on 8 H100 80GB, amp_bf16 with FSDP's DEFAULT
 * mixed precision (https://github.com/mosaicml/llm-foundry/blob/495218376830947dce625efabc4d86be7c47cc45/scripts/
 * train/benchmarking/README.md, measured_heldout8.json): both published as runs that trained.
 */
class FsdpMixedPrecisionShardTest {
    private static JsonNode record(String set, String id) throws IOException {
        return MeasuredRecords.byId(set, id);
    }

    /** The call BudgetBench makes: the setup with the CUDA context against the card the record names. */
    private static boolean fits(JsonNode r) {
        Setup s = BudgetBench.devSetup(r);
        Setup withContext = s.contextBytes() > 0 ? s : s.withContext(BudgetEngine.DEFAULT_CONTEXT);
        return Boolean.TRUE.equals(new BudgetEngine().estimate(withContext, BudgetBench.cardBytes(
                r.path("gpu").asText())).fits());
    }

    @Test
    void anFsdpShardHoldsTwoBytesAParameterAndTheLiveParametersLessThanDeepSpeedsZeroThree() throws IOException {
        Setup fsdp = BudgetBench.devSetup(record("heldout6", "hf-blog-fsdp-llama-2-70b-full-16xa100-fit"));
        Setup zero3 = fsdp.toBuilder().fsdp(false).build();
        BudgetEngine engine = new BudgetEngine();
        var f = engine.estimate(fsdp, null).perGpuBytes();
        var z = engine.estimate(zero3, null).perGpuBytes();
        long states = f.weights() + f.gradients() + f.optimizer();
        long deepSpeed = z.weights() + z.gradients() + z.optimizer();
        var m = fsdp.model();
        // FSDP's gathered unit is its parameters and gradients (4 B a parameter of the largest layer); DeepSpeed's
        // the live 16-bit parameters and the unit's 16-bit gradient
        long unit = Math.max((long) m.vocab() * m.hidden(), (long) m.hidden() * m.ffn());
        double liveBeyondUnit = 2.0 * BudgetEngine.DEEPSPEED_LIVE_PARAMETERS - 2.0 * unit;
        assertEquals(2.0 * m.params() / fsdp.gpus() + liveBeyondUnit, deepSpeed - states, 1e6);
    }

    @Test
    void theHuggingFaceBlogsSeventyBillionFullFineTuneOnSixteenA100sFits() throws IOException {
        assertTrue(fits(record("heldout6", "hf-blog-fsdp-llama-2-70b-full-16xa100-fit")));
    }

    @Test
    void llmFoundrysMpt7bAtMicroBatchSixOnEightH100sFits() throws IOException {
        assertTrue(fits(record("heldout8", "llm-foundry-mpt-7b-h100-fsdp8-s2048-mb6")));
    }
}
