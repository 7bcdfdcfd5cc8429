package io.oomdoc.protocol.reasoning;

import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.Signal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which feature each kind of evidence sets, on real reports (sources beside each test). */
class FeatureExtractorTest {
    private static Set<String> names(Evidence e) { return RealEvidence.features(e).values().keySet(); }

    private static Set<String> ofCase(String id) { return names(RealEvidence.ofCase(id)); }

    private static void has(Set<String> x, String... features) {
        for (String f : features) assertTrue(x.contains(f), f + " missing from " + x);
    }

    private static void lacks(Set<String> x, String... features) {
        for (String f : features) assertFalse(x.contains(f), f + " present in " + x);
    }

    @Test
    void anAllocatorMessageSetsItsKindParserFrameworkAndTraceback() {
        // SJTU-ViSYS-team/VisFly#9
        has(names(RealEvidence.ofTrace("visfly-backward-2x.txt")), "kind:vram_oom", "parser:pytorch-cuda",
                "framework:pytorch", "has-traceback", "numbers:present");
    }

    @Test
    void theMessagesFiguresSetTheAllocatorsShares() {
        // SJTU-ViSYS-team/VisFly#9: 244 MiB of 7.73 GiB asked, 228.5 MiB free, 5.90 GiB allocated, 469.82 MiB idle
        Set<String> x = names(RealEvidence.ofTrace("visfly-backward-2x.txt"));
        has(x, "tried:small", "free:some", "allocated:most", "idle:exceeds-request");
        lacks(x, "card:small", "free:exceeds-request", "outside:large", "processes:others-listed");
    }

    @Test
    void aTinyRequestOnAFullFourGigabyteCardIsSmallTinyAndFreeNone() {
        // innnky/so-vits-svc#59: 20 MiB asked of 4 GiB, 0 bytes free
        has(ofCase("so-vits-svc-59-4gb-batch-1-zh"), "card:small", "tried:tiny", "free:none");
    }

    @Test
    void aHugeRequestWithMoreFreeThanItAsksShowsFreeExceedsTheRequest() {
        // pytorch/pytorch#59778
        Set<String> x = ofCase("pytorch-free-exceeds-request");
        has(x, "tried:huge", "free:much", "free:exceeds-request", "allocated:half", "idle:small", "outside:large");
    }

    @Test
    void anIdleCacheAQuarterOfTheRequestIsNearItAndLittleAllocatedIsLittle() {
        // pytorch/pytorch#40863: a K80 held by something else
        has(ofCase("pytorch-k80-something-else-holds"), "idle:near-request", "allocated:little");
    }

    @Test
    void aLargeRequestAndOtherProcessesListedAreBothSet() {
        // meta-llama/llama-cookbook#309: 2 GiB asked of 14.58 GiB; nvidia-smi lists other processes
        has(ofCase("llama2-7b-16gb-qlora"), "tried:large", "processes:others-listed");
    }

    @Test
    void aBudgetWhoseFixedCostExceedsTheCardSaysSoWithItsSentence() {
        // yandex/YaLM-100B#9: 100B bf16 weights on 24 GB cards
        var x = RealEvidence.features(RealEvidence.ofCase("yalm100b-9-bf16-weights-on-8x3090"));
        assertNotNull(x.reasons().get("budget:fixed-exceeds-card"), x.values().keySet().toString());
        lacks(x.values().keySet(), "budget:activations-exceed", "budget:fits");
    }

    @Test
    void aBudgetWhoseActivationsOverflowAFittingFixedCostSetsActivationsExceed() {
        // DachengLi1/LongChat#28
        Set<String> x = ofCase("longchat-28-7b-32k-context-8xa100");
        has(x, "budget:activations-exceed");
        lacks(x, "budget:fixed-exceeds-card", "budget:fits");
    }

    @Test
    void aBudgetThatFitsSetsFits() {
        // deepspeedai/DeepSpeed#1624
        has(ofCase("deepspeed-1624-zero3-second-iteration-allgather"), "budget:fits");
    }

    @Test
    void aLogPastItsFirstEpochSetsEpochLaterWithTheEpoch() {
        // KCL-BMEIS/VS_Seg#6: OOM in epoch 2
        var x = RealEvidence.features(RealEvidence.ofCase("vs-seg-6-backward-patch-size-24gb"));
        assertTrue(x.reasons().getOrDefault("epoch:later", "").contains("(epoch "), x.reasons().toString());
    }

    @Test
    void theIterationALogReachesFallsInOneBucket() {
        // kohya_ss#875 (first), ColossalAI AdamW (second), Langchain-Chatchat#35 (early), FastMaskRCNN#172 (middle),
        // Maclory/SPSR#38 (late)
        has(ofCase("kohya-ss-875-3060-step2-unet-forward-batch2"), "iteration:first");
        has(ofCase("adamw-colossalai-step2"), "iteration:second");
        has(ofCase("langchain-chatchat-35-shards-38pct-killed"), "iteration:early");
        has(ofCase("fastmaskrcnn-172-training-killed"), "iteration:middle");
        has(ofCase("spsr-4900th-iteration"), "iteration:late");
    }

    @Test
    void aKernelKillIsNamedAndAKillInPassingOnlyMentioned() {
        // open-mmlab/mmrotate#501 (the kernel's kill); wenhaochai/MovieChat#21 ("killed" in the words)
        Set<String> named = ofCase("mmrotate-dataloader-killed-ram");
        has(named, "kill-named", "kind:host_ram_oom", "parser:host-ram");
        lacks(named, "kill-mentioned");
        has(ofCase("moviechat-shards-killed-low-resource"), "kill-mentioned");
    }

    @Test
    void aFaultThatIsNotAnAllocationFailureSetsNotOomWithItsReason() {
        // skhu101/GauHuman#21: an illegal memory access
        var x = RealEvidence.features(RealEvidence.ofTrace("notoom-gauhuman-illegal-access.txt"));
        assertNotNull(x.reasons().get("not-oom"), x.values().keySet().toString());
    }

    @Test
    void wordsWithNoLogAreProseOnly() {
        // Lightning-AI/litgpt#553
        Set<String> x = names(RealEvidence.ofWordsAlone("prose-litgpt-553-lora-7b-3090.txt"));
        has(x, "input:prose-only");
        lacks(x, "kind:none", "has-traceback");
    }

    @Test
    void climbingReadingsInALogWithNoFailureSetLogMemoryGrowsWithTheRange() {
        // tensorflow/tensorflow#73457: get_memory_info's "current" climbs 0.18 to 0.35 over 7 iterations
        var x = RealEvidence.features(RealEvidence.ofTrace("tf-73457-current-memory-climbs.txt"));
        has(x.values().keySet(), "kind:none");
        assertEquals("the logged memory climbs from 0.18 to 0.35 (the log's unit) over 7 readings",
                x.reasons().get(FeatureExtractor.LOG_MEMORY_GROWS));
    }

    @Test
    void aRuleThatFiresIsARuleFeatureWithItsSentence() {
        var x = new FeatureExtractor(List.of(new Signal("fires", e -> "the reason")))
                .extract(RealEvidence.ofTrace("visfly-backward-2x.txt"));
        assertEquals(1.0, x.values().get("rule:fires"));
        assertEquals("the reason", x.reasons().get("rule:fires"));
    }

    @Test
    void aRuleThatThrowsIsNamedAsBrokenAndFlagged() {
        var fx = new FeatureExtractor(List.of(new Signal("throws", e -> { throw new IllegalStateException("x"); })));
        var x = fx.extract(RealEvidence.ofTrace("visfly-backward-2x.txt"));
        assertEquals(List.of("throws: java.lang.IllegalStateException: x"), fx.broken());
        has(x.values().keySet(), "broken:throws");
        lacks(x.values().keySet(), "rule:throws");
    }

    @Test
    void aShapeThatHoldsIsAFeatureAndCountsTowardTheExpertsPrior() {
        // innnky/so-vits-svc#59: a 4 GiB card; with no rules at all, only the shape's row of model/expert-prior.tsv
        // ("shape small-card", model_too_large 2) can give a prior
        var x = new FeatureExtractor(List.of()).extract(RealEvidence.ofCase("so-vits-svc-59-4gb-batch-1-zh"));
        has(x.values().keySet(), "shape:small-card", "prior-top:model_too_large");
        assertEquals(0.2, x.values().get("prior:model_too_large"), 1e-12);
    }
}
