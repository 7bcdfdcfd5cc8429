package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fit and longest-context answers computed from the budget, on the setups of real threads: the facts are
 * read from the user's own first turn (FactExtractor), the question is the user's own words where the thread has
 * them. Figures are the budget engine's for those setups.
 */
class BudgetAnswersTest {
    /** https://github.com/karpathy/nanochat/issues/157 (conversations/02-nanochat-one-4090.txt). */
    private static final Facts NANOCHAT_4090 = FactExtractor.extract("i have one 4090 in my pc and want to run nanochat"
            + " base_train at depth 20 with torchrun --nproc_per_node=1");
    /** https://github.com/Lightning-AI/litgpt/issues/553 (conversations/15-litgpt-llama2-7b-lora-3090.txt). */
    private static final Facts LITGPT_3090 = FactExtractor.extract("getting OOM finetuning Llama-2-7b-hf with litgpt"
            + " finetune/lora.py on my rtx 3090 24gb, micro_batch_size 1, lora_r 8")
            .with(b -> b.precision("bf16").seqLen(2048)); // the thread's later turns: "bf16-true", "2048"
    /** https://github.com/vllm-project/vllm/issues/17891 (conversations/04-vllm-7b-uses-70gb.txt). */
    private static final Facts QWEN_VL = FactExtractor.extract("loading Qwen/Qwen2.5-VL-7B-Instruct with LLM(...,"
            + " limit_mm_per_prompt={\"image\": 20}) and nvidia-smi shows like 70gb used for a 7b model");
    private static final String SINGLE_REQUEST = "at gpu_memory_utilization=0.25, what max_model_len fits for a single"
            + " request?";

    @Test
    void nanochatGetsTheDeviceBatchThatFitsAndTheAccumulationThatKeepsItsTotalBatch() {
        BudgetAnswers.Result r = BudgetAnswers.fit("what device batch size fits on it at the default seq 2048?",
                NANOCHAT_4090.with(b -> b.seqLen(2048)));
        assertNull(r.missingKey());
        // any device batch whose rows divide the 256 rows of a step is allowed: 2 fits, 4 does not (eager estimate)
        assertTrue(r.text().startsWith("--device-batch-size=2 fits (seq 2048 on 24.00 GiB, estimated peak 17.82 GiB)"),
                r.text());
        assertTrue(r.text().contains("--total-batch-size=524288 the script accumulates 128 steps (2 × 2048 tokens × 1"
                + " GPU per micro-step)"), r.text());
        assertTrue(r.text().contains("try --device-batch-size=4"), r.text());
    }

    @Test
    void withoutTheSequenceLengthTheFixedCostComesFirstThenTheQuestion() {
        BudgetAnswers.Result r = BudgetAnswers.fit("what batch size fits on it?",
                FactExtractor.extract("getting OOM finetuning Llama-2-7b-hf with litgpt finetune/lora.py on my rtx 3090"
                        + " 24gb, micro_batch_size 1, lora_r 8"));
        assertEquals("seq", r.missingKey());
        assertTrue(r.text().matches("(?s).*GiB per GPU over 1 GPU\\(s\\) on a 24.00 GiB card; that part fits, with"
                + " [\\d.]+ GiB left.*"), r.text());
    }

    @Test
    void nanochatWithoutTheSequenceLengthTakesItsScriptsDefaultAndSaysSo() {
        // karpathy/nanochat#157: one 4090, depth 20, no length: base_train's 2048 is the length, not a question
        BudgetAnswers.Result r = BudgetAnswers.fit("what device batch size fits on it?", NANOCHAT_4090);
        assertNull(r.missingKey(), r.text());
        assertTrue(r.text().contains("rows of 2048 tokens (--max-seq-len)"), r.text());
    }

    @Test
    void aSetupWhoseMicroBatchOfOneDoesNotFitSaysSoWithItsFixedCostAndTerms() {
        BudgetAnswers.Result r = BudgetAnswers.fit("what micro batch fits a 7b lora on my 3090?", LITGPT_3090);
        // 12.77 GiB of states fit the card: what overflows is one sample's activations on top (ux13's row 11)
        assertTrue(r.text().startsWith("No: not even micro-batch 1 of llama-2-7b fits 24.00 GiB: weights, gradients and"
                + " optimizer state take 12.77 GiB, leaving 11.23 GiB, and one sample at seq 2048 needs 15.86 GiB more"),
                r.text());
        assertTrue(r.text().contains("weights 12.63 GiB · gradients 0 B · optimizer 152.50 MiB · activations 13.36"
                + " GiB · overhead 2.51 GiB"), r.text());
    }

    /**
     * unslothai/unsloth#606 asks what batch size is good for fine-tuning llama-3-8b-bnb-4bit on a card larger than a
     * T4, with no batch of its own to keep; the card and length are what the asker's next turn would add.
     */
    @Test
    void withNoBatchHeldTheAnswerIsTheLargestMicroBatchThatFitsNotOne() {
        Facts f = FactExtractor.extract("fine tuning llama-3-8b-bnb-4bit with QLoRA r 16 on my rtx 4090 24gb,"
                + " seq 2048");
        BudgetAnswers.Result r = BudgetAnswers.fit("what is good batch size", f);
        var m = java.util.regex.Pattern.compile("^Largest micro-batch: (\\d+) ").matcher(r.text());
        assertTrue(m.find(), r.text());
        assertTrue(Integer.parseInt(m.group(1)) > 1, "a 4-bit 8B base leaves room for more than one: " + r.text());
    }

    @Test
    void aLengthQuestionInTrainingFindsTheLongestSequenceAtTheBatchHeld() {
        BudgetAnswers.Result r = BudgetAnswers.fit("how long a sequence fits?", LITGPT_3090);
        assertEquals("Longest sequence that fits: about 1338 tokens at batch 1 (llama-2-7b on 24.00 GiB); with"
                + " gradient checkpointing it goes further.", r.text());
    }

    @Test
    void aServingLengthQuestionWithoutTheCardAsksForTheCard() {
        assertEquals("gpu", BudgetAnswers.fit(SINGLE_REQUEST, QWEN_VL).missingKey());
    }

    @Test
    void aServingLengthIsWhatTheUtilizationsShareLeavesAfterTheWeightsPerTokenOfCache() {
        BudgetAnswers.Result r = BudgetAnswers.fit(SINGLE_REQUEST, QWEN_VL.with(b -> b.gpuMemBytes(80L << 30)));
        assertTrue(r.text().startsWith("max_model_len ≈ 45428 tokens fits at gpu_memory_utilization 0.25 of 80.00"
                + " GiB"), r.text());
        assertTrue(r.text().contains("weights 13.04 GiB, KV cache 128.00 KiB per token, 5.55 GiB left for the cache"),
                r.text());
    }

    @Test
    void aServingLengthWithNoUtilizationSaidTakesVllmsDefault() {
        BudgetAnswers.Result r = BudgetAnswers.fit("what max_model_len fits for a single request?",
                QWEN_VL.with(b -> b.gpuMemBytes(80L << 30).phaseHint("serving")));
        assertTrue(r.text().contains("at gpu_memory_utilization 0.90 of 80.00 GiB"), r.text());
    }

    @Test
    void aServingShareTooSmallForTheWeightsSaysSoInsteadOfFailing() {
        BudgetAnswers.Result r = BudgetAnswers.fit("what max_model_len fits at gpu_memory_utilization 0.05?",
                QWEN_VL.with(b -> b.gpuMemBytes(80L << 30).phaseHint("serving")));
        assertTrue(r.text().startsWith("At gpu_memory_utilization 0.05 of 80.00 GiB the weights of"), r.text());
        assertTrue(r.text().contains("leave no room for a KV cache"), r.text());
    }
}
