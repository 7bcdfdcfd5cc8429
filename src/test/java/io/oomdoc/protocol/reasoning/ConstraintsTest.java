package io.oomdoc.protocol.reasoning;

import io.oomdoc.protocol.Category;
import io.oomdoc.protocol.Evidence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each physical constraint rules out or scales, on uniform scores over the bundled category labels
 * (model/category.tsv), with the evidence of one real report per rule (sources beside each test).
 */
class ConstraintsTest {
    private static final List<String> LABELS = LinearModel.resource(Reasoner.CATEGORY_WEIGHTS).labels();
    private static final double U = 1.0 / LABELS.size();

    private static double[] constrained(Evidence e) {
        double[] p = new double[LABELS.size()];
        Arrays.fill(p, U);
        Constraints.apply(e, RealEvidence.features(e), LABELS, p);
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-12, "the scores stay a distribution");
        return p;
    }

    private static double at(double[] p, Category c) { return p[LABELS.indexOf(c.json())]; }

    /** Kept alone: 0.9 for the cause, a tenth of its share for every other, then renormalised. */
    private static void onlyKept(double[] p, Category keep) {
        double sum = 0.9 + (LABELS.size() - 1) * U * 0.1;
        assertEquals(0.9 / sum, at(p, keep), 1e-12);
        assertEquals(U * 0.1 / sum, at(p, Category.ACTIVATIONS_BATCH == keep ? Category.OTHER
                : Category.ACTIVATIONS_BATCH), 1e-12);
    }

    @Test
    void aFailureTheNotOomRuleNamesKeepsOnlyOther() {
        // bryanchrist/MathNeuro#3: an illegal memory access, not an allocation failure
        onlyKept(constrained(RealEvidence.ofCase("mathneuro-3-illegal-access-lm-eval-auto-batch")), Category.OTHER);
    }

    @Test
    void aHostKillWithNoGpuMessageKeepsOnlyHostRam() {
        // open-mmlab/mmrotate#501: the DataLoader worker killed, no CUDA message
        onlyKept(constrained(RealEvidence.ofCase("mmrotate-dataloader-killed-ram")), Category.HOST_RAM_OOM);
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aKillTheLogNamesBesideAMereMentionOfOutOfMemoryKeepsOnlyHostRam() {
        // mozilla/bugbug#3906: "exit code 137"; the only out-of-memory is a mention, not a GPU message
        onlyKept(constrained(RealEvidence.ofCase("bugbug-3906-training-task-exit-137")), Category.HOST_RAM_OOM);
    }

    @Test
    void aRequestLargerThanAnyMachineKeepsOnlyOther() {
        // QwenLM/Qwen3-VL#334: 538976288 GiB asked of a 47.54 GiB card (traces/SOURCES.md)
        onlyKept(constrained(RealEvidence.ofTrace("qwen3vl-334-impossible-request.txt")), Category.OTHER);
    }

    @Test
    void anAllocatorMessageWithARequestRulesOutHostRamAndLeavesTheRestInProportion() {
        // SJTU-ViSYS-team/VisFly#9: 244 MiB asked in backward on a 7.73 GiB card
        double[] p = constrained(RealEvidence.ofTrace("visfly-backward-2x.txt"));
        assertEquals(0.0, at(p, Category.HOST_RAM_OOM));
        assertEquals(U / (1 - U), at(p, Category.FRAGMENTATION), 1e-12);
        assertEquals(U / (1 - U), at(p, Category.ACTIVATIONS_BATCH), 1e-12);
    }

    @Test
    void anAdapterFineTuneAtAStatedLengthGivesAttentionsShareToActivations() {
        // eosphoros-ai/DB-GPT-Hub#248: LoRA on ChatGLM3-6B at 2048 source tokens; fused attention keeps no s x s scores
        double[] p = constrained(RealEvidence.ofCase("db-gpt-hub-248-chatglm3-lora-2048-4090"));
        double keep = Constraints.SEQUENCE_AS_ACTIVATIONS;
        assertEquals(keep / (2 - keep), at(p, Category.ATTENTION_SEQ_LEN) / at(p, Category.ACTIVATIONS_BATCH), 1e-12);
    }

    @Test
    void aRequestNeitherTheFreeMemoryNorTheIdleCacheCouldHoldRulesOutFragmentation() {
        // vllm-project/vllm#783: 1.63 GiB asked, 565 MiB free, 20 MiB reserved but unallocated of 44.6 GiB
        double[] p = constrained(RealEvidence.ofCase("vllm-783-other-processes"));
        assertEquals(0.0, at(p, Category.FRAGMENTATION));
    }

    @Test
    void anIdleCacheLargerThanTheRequestKeepsFragmentation() {
        // SJTU-ViSYS-team/VisFly#9: 469.82 MiB reserved but unallocated against 244 MiB asked
        assertTrue(at(constrained(RealEvidence.ofTrace("visfly-backward-2x.txt")), Category.FRAGMENTATION) > 0);
    }

    @Test
    void aFixedCostWellInsideTheCardCutsModelTooLargeToOnePercentOfItsShare() {
        // meta-llama/llama-cookbook#309: QLoRA on Llama-2-7B, the budget puts the fixed cost at 30% of 16 GB and
        // cannot say whether the batch fits
        double[] p = constrained(RealEvidence.ofCase("llama2-7b-16gb-qlora"));
        assertEquals(0.01, at(p, Category.MODEL_TOO_LARGE) / at(p, Category.CONTEXT_CREATION), 1e-9);
    }

    @Test
    void aFixedCostInsideTheCardWhileTheActivationsOverflowRulesOutModelTooLarge() {
        // DachengLi1/LongChat#28: a 7B model at 32k context on A100s; the budget's activations overflow the card
        double[] p = constrained(RealEvidence.ofCase("longchat-28-7b-32k-context-8xa100"));
        assertEquals(0.0, at(p, Category.MODEL_TOO_LARGE));
    }

    @Test
    void aFixedCostAboveTheCardLeavesModelTooLargeAsTheWeightsSay() {
        // yandex/YaLM-100B#9: 100B bf16 weights on 24 GB cards
        double[] p = constrained(RealEvidence.ofCase("yalm100b-9-bf16-weights-on-8x3090"));
        assertEquals(1.0, at(p, Category.MODEL_TOO_LARGE) / at(p, Category.CONTEXT_CREATION), 1e-9);
    }

    @Test
    void aWholeFixedCostAboveTheCardCutsTheStepTwoStateToThreeTenths() {
        // modelscope/ms-swift#411: `swift sft --sft_type full` of a 7B on one 80 GB card fails in AdamW's first step;
        // weights, gradients and AdamW state together exceed the card, so no step order makes it fit
        double[] p = constrained(RealEvidence.ofTrace("swift-411-mistral-7b-full-adamw-step.txt"));
        assertEquals(Constraints.STEP2_UNDER_FIXED_OVERFLOW, at(p, Category.OPTIMIZER_STATE_STEP2)
                / at(p, Category.CONTEXT_CREATION), 1e-9);
    }

    @Test
    void aFixedCostInsideTheCardLeavesTheStepTwoStateAsTheWeightsSay() {
        // hiyouga/LlamaFactory#1221: full ZeRO-2 of a 7B with Adam on 32 GB V100s, 83% of the card fixed, not over it
        double[] p = constrained(RealEvidence.ofCase("llamafactory-1221-llama7b-full-zero2-8xv100-adam"));
        assertEquals(1.0, at(p, Category.OPTIMIZER_STATE_STEP2) / at(p, Category.CONTEXT_CREATION), 1e-9);
    }

    @Test
    void weightsAboveTheCardCutActivationsBatchToThreeTenthsOfItsShare() {
        // yandex/YaLM-100B#9: 100B bf16 weights on 24 GB cards; no batch is left to shrink below the weights
        // (its words also put the failure in the model's build, the load: that cut applies on top)
        double[] p = constrained(RealEvidence.ofCase("yalm100b-9-bf16-weights-on-8x3090"));
        assertEquals(Constraints.BATCH_UNDER_FIXED_OVERFLOW * 0.3, at(p, Category.ACTIVATIONS_BATCH)
                / at(p, Category.MODEL_TOO_LARGE), 1e-9);
    }

    @Test
    void aFailureTheEvidencePutsInTheLoadCutsEveryCauseThatNeedsABatchToThreeTenths() {
        // taishan1994/pytorch_bert_multi_classification#2: the failing line reloads the model and optimizer from a
        // checkpoint before testing; no batch has been formed
        var e = RealEvidence.ofCase("bert-multicls-2-load-ckp-after-training");
        assertTrue(RealEvidence.features(e).values().containsKey("words-phase:load"));
        double[] p = constrained(e);
        for (Category c : List.of(Category.ACTIVATIONS_BATCH, Category.LONGEST_BATCH, Category.FIRST_BACKWARD,
                Category.OPTIMIZER_STATE_STEP2, Category.EVAL_ACCUMULATION, Category.ATTENTION_SEQ_LEN))
            assertEquals(0.3, at(p, c) / at(p, Category.CONTEXT_CREATION), 1e-9, c.json());
        assertEquals(1.0, at(p, Category.KV_CACHE_INFERENCE) / at(p, Category.CONTEXT_CREATION), 1e-9);
    }

    @Test
    void aLoadBesideAStatedGenerationLeavesTheBatchCausesAsTheWeightsSay() {
        // huggingface/text-generation-inference#1299: a shard loads its weights (the frame) in a server whose words
        // name generation; a run that reached a step may have formed a batch
        var e = RealEvidence.ofCase("tgi-1299-llama2-70b-fp4-single-shard-a10g");
        var v = RealEvidence.features(e).values();
        assertTrue(v.containsKey("frame-phase:load") && v.containsKey("words-phase:generation"), v.keySet().toString());
        double[] p = constrained(e);
        assertEquals(1.0, at(p, Category.LONGEST_BATCH) / at(p, Category.CONTEXT_CREATION), 1e-9);
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aFullFineTuneTheBudgetAssumesAboveTheCardLeavesActivationsBatchWhileTheWeightsFit() {
        // huggingface/peft#2742: "fine-tuning the LLaMA-2 7B model on an A100 40 GB", PEFT unsaid in the paste; the
        // budget's full fine-tune state exceeds 40 GB, the 14 GB of weights do not, and checkpointing fixed it
        var e = RealEvidence.ofPasteAlone("peft-llama2-7b-a100-grad-ckpt");
        assertTrue(RealEvidence.features(e).values().containsKey("budget:fixed-exceeds-card"));
        double[] p = constrained(e);
        assertEquals(1.0, at(p, Category.ACTIVATIONS_BATCH) / at(p, Category.CONTEXT_CREATION), 1e-9);
    }

    @Test
    void weightsInsideTheCardLeaveActivationsBatchAsTheLearnedWeightsSay() {
        // meta-llama/llama-cookbook#309: QLoRA on Llama-2-7B on 16 GB, the 4-bit base and the adapters fit
        double[] p = constrained(RealEvidence.ofCase("llama2-7b-16gb-qlora"));
        assertEquals(1.0, at(p, Category.ACTIVATIONS_BATCH) / at(p, Category.CONTEXT_CREATION), 1e-9);
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aFixedCostAboveSeventyPercentOfTheCardLeavesModelTooLargeAsTheWeightsSay() {
        // hiyouga/LlamaFactory#1221: full ZeRO-2 of a 7B model with Adam on 32 GB V100s, 83% of the card fixed
        double[] p = constrained(RealEvidence.ofCase("llamafactory-1221-llama7b-full-zero2-8xv100-adam"));
        assertEquals(1.0, at(p, Category.MODEL_TOO_LARGE) / at(p, Category.CONTEXT_CREATION), 1e-9);
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aRequestWithoutTheFreeAndIdleFiguresLeavesFragmentation() {
        // ZHZisZZ/dllm#9: the message gives only the 14.9 GiB asked
        double[] p = constrained(RealEvidence.ofCase("dllm-9-llada8b-zero2-offload-14gb-optimizer-init"));
        assertTrue(at(p, Category.FRAGMENTATION) > 0);
    }

    @Test
    void memoryTheUserSaysClimbsCutsEachOneTimePeakToThreeTenths() {
        // adriansahlman/stylegan2_pytorch#11: memory grows each iteration while the loss graph is kept
        double[] p = constrained(RealEvidence.ofCase("stylegan2-loss-graph-kept"));
        double ref = at(p, Category.CONTEXT_CREATION);
        for (Category c : List.of(Category.LONGEST_BATCH, Category.FIRST_BACKWARD, Category.OPTIMIZER_STATE_STEP2))
            assertEquals(0.3, at(p, c) / ref, 1e-9, c.json());
        assertEquals(1.0, at(p, Category.ACTIVATIONS_BATCH) / ref, 1e-9, "the user's words alone spare the batch");
    }

    @Test
    void logReadingsThatClimbWithNoFailureMessageKeepOnlyTheLeak() {
        // tensorflow/tensorflow#73457: "current" climbs 0.18 to 0.35 over 7 iterations, no out-of-memory line
        double[] p = constrained(RealEvidence.ofTrace("tf-73457-current-memory-climbs.txt"));
        // the climb first cuts the three one-time peaks to 0.3, then the leak is kept alone
        double sum = 0.9 + 0.1 * U * (LABELS.size() - 4 + 3 * 0.3);
        assertEquals(0.9 / sum, at(p, Category.LEAK_HELD_REFERENCES), 1e-12);
        assertEquals(0.1 * 0.3 * U / sum, at(p, Category.LONGEST_BATCH), 1e-12);
        assertEquals(0.1 * U / sum, at(p, Category.ACTIVATIONS_BATCH), 1e-12);
    }

    private static String issueType(Evidence e, Category cause) {
        return Constraints.issueType(e, RealEvidence.features(e), cause);
    }

    @Test
    void aFailureTheNotOomRuleNamesIsNotAnOutOfMemoryWhateverTheCause() {
        // bryanchrist/MathNeuro#3
        assertEquals("not_oom", issueType(RealEvidence.ofCase("mathneuro-3-illegal-access-lm-eval-auto-batch"),
                Category.ACTIVATIONS_BATCH));
    }

    @Test
    void aRecognisedFailureIsHostRamWhenTheCauseIsHostRamAndVramOtherwise() {
        // open-mmlab/mmrotate#501 and SJTU-ViSYS-team/VisFly#9
        assertEquals("host_ram_oom", issueType(RealEvidence.ofCase("mmrotate-dataloader-killed-ram"),
                Category.HOST_RAM_OOM));
        assertEquals("vram_oom", issueType(RealEvidence.ofTrace("visfly-backward-2x.txt"), Category.ACTIVATIONS_BATCH));
    }

    @Test
    void theWordsOutOfMemoryAloneAreAFailureWorthNaming() {
        // Lightning-AI/litgpt#553: the reporter's one line, typed before any log
        assertEquals("vram_oom", issueType(RealEvidence.ofWordsAlone("prose-litgpt-553-lora-7b-3090.txt"),
                Category.MODEL_TOO_LARGE));
    }

    @Test
    void wordsThatNameNoFailureAndNoMemoryAreUnknown() {
        // obryanlouis/qa#5, the corpus's one-line setting alone: "Training a TensorFlow question-answering model
        // with cuDNN LSTMs."
        assertEquals("unknown", issueType(RealEvidence.ofCaseWords("tf-cudnn-exec-failed-batch4"),
                Category.ACTIVATIONS_BATCH));
    }

    private static String phase(String caseId, Category cause, String learned) {
        return Constraints.phase(RealEvidence.features(RealEvidence.ofCase(caseId)), cause, learned);
    }

    @Test
    void aFailureTheNotOomRuleNamesKeepsItsLearnedPhase() {
        assertEquals("unknown", phase("mathneuro-3-illegal-access-lm-eval-auto-batch", Category.OPTIMIZER_STATE_STEP2,
                "unknown"));
    }

    @Test
    void aStepTwoCauseMakesAnUnnamedPhaseTheOptimizerStepAndLeavesANamedOne() {
        // bmaltais/kohya_ss#875: the second step's U-Net forward ran out
        assertEquals("optimizer_step", phase("kohya-ss-875-3060-step2-unet-forward-batch2",
                Category.OPTIMIZER_STATE_STEP2, "unknown"));
        assertEquals("forward", phase("kohya-ss-875-3060-step2-unet-forward-batch2", Category.OPTIMIZER_STATE_STEP2,
                "forward"));
    }

    @Test
    void evalAccumulationIsTheEvalPhaseUnlessItIsGeneration() {
        // skorch-dev/skorch#218: the validation step kept its graph
        assertEquals("eval", phase("skorch-validation-step-no-grad", Category.EVAL_ACCUMULATION, "backward"));
        assertEquals("generation", phase("skorch-validation-step-no-grad", Category.EVAL_ACCUMULATION,
                "generation"));
    }

    @Test
    void evalAccumulationInAForwardTheWordsNameWithoutEvalStaysTheForward() {
        // PicoCreator/RWKV-LM-LoRA#32: the words name the forward and no evaluation
        assertEquals("forward", phase("rwkv-lora-32-cudamallocasync-variant", Category.EVAL_ACCUMULATION, "forward"));
    }

    @Test
    void otherCausesKeepTheLearnedPhase() {
        assertEquals("backward", phase("skorch-validation-step-no-grad", Category.ACTIVATIONS_BATCH, "backward"));
    }
}
