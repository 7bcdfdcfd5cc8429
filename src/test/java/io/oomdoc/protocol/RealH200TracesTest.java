package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogReader;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Out-of-memory failures this project recorded on a real H200 with torch 2.11 (h200/README.md, bench/gpu/).
 * Tagged {@code replay}: whole diagnoses that PIT leaves to surefire, since under mutation-protocol-top they killed
 * no mutant that another test leaves alive (bench/results.md, "Fourteenth session, pit14"). The last two, the
 * rung forms, killed four mutants alone; LightningBatchRungTest kills them on the head of the Lightning log, a tenth
 * of the cost (bench/results.md, "build21").
 */
class RealH200TracesTest {
    private static final long MIB = 1L << 20;

    @Test
    @Tag("replay")
    void aPlainTrainingLoopGetsThePlainLoopsVersionOfTheBatchRung() throws Exception {
        // h200/oom_train.log: a plain PyTorch loop at batch 32 (no trainer's marks in the log), diag12b's rung form
        Report r = EvidenceGatherer.from(LogText.of(Fixtures.text("h200/oom_train.log"))).gather()
                .diagnose(new Diagnoser());
        Report.Fix halve = r.fixes().stream().filter(f -> f.title().startsWith("Halve the micro-batch")).findFirst()
                .orElseThrow();
        assertTrue(halve.before().startsWith("loader = DataLoader(dataset, batch_size=32)"), halve.before());
        assertTrue(halve.after().startsWith("loader = DataLoader(dataset, batch_size=16)"), halve.after());
    }

    @Test
    @Tag("replay")
    void underLightningTheBatchToHalveIsTheDataLoadersAndAccumulationIsTheTrainers() throws Exception {
        // the recording ran batch 96 (h200/README.md); the log does not print it, the user's words do
        LogText log = LogText.of(Fixtures.text("h200/oom_lightning.log"));
        Report r = EvidenceGatherer.from(log).userText("Lightning run at batch size 96").gather()
                .diagnose(new Diagnoser());
        Report.Fix first = r.fixes().get(0);
        assertEquals("DataLoader(dataset, batch_size=48)\nTrainer(accumulate_grad_batches=2)", first.after());
        assertTrue(r.fixes().stream().noneMatch(f -> f.after().contains("per_device_train_batch_size")));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void underHuggingFacesTrainerTheBatchToHalveIsTheTrainingArguments() throws Exception {
        assertTrue(diagnose("h200/oom_hf_trainer.log").fixes().get(0).after().startsWith("TrainingArguments("
                + "per_device_train_batch_size="));
    }

    @Test
    @Tag("replay")
    void aProcessCappedBelowTheCardIsNotReadAsABatchTooLarge() throws Exception {
        // h200/oom_fraction.log: set_per_process_memory_fraction(0.05), 4 GiB held, a 20 GiB request, 135 GiB free
        Report r = diagnose("h200/oom_fraction.log");
        assertEquals("other", r.category());
        assertTrue(r.hypotheses().get(0).evidence().get(0).contains("memory limit"), r.hypotheses().get(0).evidence()
                .toString());
    }

    @Test
    @Tag("replay")
    void aCompiledGraphsOneRequestLargerThanTheCardIsOneTensorTooLarge() throws Exception {
        // h200/oom_compiled.log: a torch.compile'd softmax(q @ k^T) whose 64 x 32 x 8192 x 8192 scores need 256 GiB
        Report r = diagnose("h200/oom_compiled.log");
        assertEquals("activations_batch", r.category());
        assertEquals(256L << 30, ((Number) r.numbers().get("tried_bytes")).longValue());
    }

    /** The same log's inductor cache path (/tmp/torchinductor_root/5b/...) names no 5B model. */
    @Test
    void aCompileCacheDirectoryIsNoModelSize() throws Exception {
        Report r = diagnose("h200/oom_compiled.log");
        assertTrue(r.hypotheses().stream().flatMap(h -> h.evidence().stream())
                .noneMatch(x -> x.contains("(\"5b\")")), r.hypotheses().toString());
    }

    @Test
    @Tag("replay")
    void aBatchTooLargeForTheCardFailsInTheForwardPassOnActivations() throws Exception {
        Report r = diagnose("h200/oom_train.log");
        assertEquals("activations_batch", r.category());
        assertEquals("forward", r.phase());
        assertEquals(512 * MIB, ((Number) r.numbers().get("tried_bytes")).longValue());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void anEvalLoopThatSumsTheLossTensorIsEvalAccumulation() throws Exception {
        Report r = diagnose("h200/leak_eval.log");
        assertEquals("eval_accumulation", r.category());
        assertEquals("eval", r.phase());
    }

    @Test
    @Tag("replay")
    void theFirstOptimizerStepOfAFullFp32FineTuneFailsOnAdamState() throws Exception {
        Report r = diagnose("h200/optimizer_step.log");
        assertEquals("optimizer_state_step2", r.category());
        assertEquals("optimizer_step", r.phase());
    }

    @Test
    @Tag("replay")
    void lightningsTrainingStepRunInsideTheOptimizersClosureIsTheForwardPass() throws Exception {
        // Lightning calls training_step from optimizer.step(closure=...): the step's frames surround the forward
        assertEquals("forward", diagnose("h200/oom_lightning.log").phase());
    }

    @Test
    @Tag("replay")
    void aBatchTooLargeUnderLightningIsActivationsNotOptimizerState() throws Exception {
        // GPT-2 XL's shape at batch 96 x 1024 fails in an MLP activation before the optimizer has run once
        assertEquals("activations_batch", diagnose("h200/oom_lightning.log").category());
    }

    @Test
    @Tag("replay")
    void aBatchTooLargeUnderHuggingFacesTrainerFailsInTheFirstForwardOnActivations() throws Exception {
        Report r = diagnose("h200/oom_hf_trainer.log");
        assertEquals("activations_batch", r.category());
        assertEquals("forward", r.phase());
    }

    @Test
    @Tag("replay")
    void aSeventyBillionModelBuiltInFp32FailsWhileLoading() throws Exception {
        Report r = diagnose("h200/load_70b.log");
        assertEquals("model_too_large", r.category());
        assertEquals("load", r.phase());
    }

    @Test
    @Tag("replay")
    void ninetySevenGibReservedButUnallocatedRefusingTwoGibIsFragmentation() throws Exception {
        assertEquals("fragmentation", diagnose("h200/fragmentation.log").category());
    }

    @Test
    @Tag("replay")
    void anIdleCacheSmallBesideAGenerateCallsLiveKvCacheIsNotFragmentation() throws Exception {
        // 28.33 GiB idle against 110.74 GiB live (about 100 GB of it KV cache) on a 139.8 GiB card: defragmenting the
        // cache would not make batch 192 fit
        assertNotEquals("fragmentation", diagnose("h200/generate_kv.log").category());
    }

    @Test
    @Tag("replay")
    void aDeviceSideAssertIsNotAnOutOfMemoryFailure() throws Exception {
        assertEquals("not_oom", diagnose("h200/device_assert.log").issueType());
    }

    @Test
    @Tag("replay")
    void aSmallStepOnACardAnotherProcessFillsBlamesTheOtherProcess() throws Exception {
        assertEquals("other_process_or_zombie", diagnose("h200/oom_other_process.log").category());
    }

    @Test
    @Tag("replay")
    void twoRanksSharingOneCardEachNamingTheOthersPidAreAnotherProcessOnTheCard() throws Exception {
        assertEquals("other_process_or_zombie", diagnose("h200/oom_two_ranks.log").category());
    }

    @Test
    @Tag("replay")
    void anXlaAllocatorWarningAfterWhichTheProgramGoesOnIsNotAMemoryFailure() throws Exception {
        assertEquals("not_oom", diagnose("h200/jax_bfc_warning.log").issueType());
    }

    @Test
    @Tag("replay")
    void tensorFlowsAllocatorSayingItIsNotAFailureIsNotAMemoryFailure() throws Exception {
        assertEquals("not_oom", diagnose("traces/notoom-tf-bfc-not-a-failure.txt").issueType());
    }

    private static Report diagnose(String fixture) throws Exception {
        LogText log;
        try (InputStream in = Files.newInputStream(Fixtures.path(fixture))) {
            log = new LogReader().read(in);
        }
        return EvidenceGatherer.from(log).gather().diagnose(new Diagnoser());
    }
}
