package io.oomdoc.protocol;

import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The budget setup built from what the conversation or the report's text said. */
class SetupFromFactsTest {
    @Test
    void aServingEngineIsBudgetedAsInferenceWithoutGradientsOrOptimizerState() {
        // From huggingface/text-generation-inference#832: "tgi 1.0, llama2-70b on 4*80G A100".
        Facts f = FactExtractor.extract("tgi 1.0, llama2-70b on 4*80G A100. batch size=32");
        assertEquals(Setup.Mode.INFER, SetupFromFacts.from(f).orElseThrow().mode());
    }

    @Test
    void lmdeployIsAServingEngineToo() {
        // From InternLM/lmdeploy#684: "模型：llama2-70B 设备：A100/40G × 4 lmdeploy版本：0.0.10"
        Facts f = FactExtractor.extract("模型：llama2-70B\n设备：A100/40G × 4\nlmdeploy版本：0.0.10\n设置tp=4");
        assertEquals("lmdeploy", f.framework());
        assertEquals(Setup.Mode.INFER, SetupFromFacts.from(f).orElseThrow().mode());
    }

    @Test
    void aTrainingScriptIsBudgetedAsTraining() {
        Facts f = FactExtractor.extract("full finetune of llama-2-7b with the hf trainer, batch 4, seq 2048");
        assertEquals(Setup.Mode.TRAIN, SetupFromFacts.from(f).orElseThrow().mode());
    }
}
