package io.oomdoc.protocol.reasoning;

import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence that a report written in Chinese states in its paste and that the description's English words gave
 * before (diag44): memory that climbs for the growth rule, a step count reached, several cards, the host's memory
 * and the validation pass. Each case is a burned split's report (Corpus.trainable(); its "source" field names the
 * thread), read as the paste alone with none of the reporter's description.
 */
class ChinesePasteEvidenceTest {

    private static Set<String> pasteAlone(String id) {
        return RealEvidence.features(RealEvidence.gather(LogText.of(RealEvidence.ofId(id).paste()), null)).values()
                .keySet();
    }

    @Test
    void memoryThatGrowsTheMoreItRunsFiresTheGrowthRule() {
        // JiapengWu/TeMP#16 (corpus_heldout18): "训练显存占用越来越大" (the card's memory
        // grows the longer it trains, then it runs out); labelled leak_held_references
        assertTrue(pasteAlone("temp-16-memory-grows-steps").contains("rule:growth words"));
    }

    @Test
    void trainingThatReachedAStepCountIsLate() {
        // haofeixu/gmflow#38 (corpus_heldout18): "训练到230500step就会爆显存" (it runs out
        // of memory once training reaches step 230500); labelled longest_batch
        assertTrue(pasteAlone("gmflow-38-oom-at-step-230500").contains("cue:late"));
    }

    @Test
    void trainingOnSeveralCardsNamedInChineseIsMultiGpu() {
        // ziqi-jin/finetune-anything#36 (corpus_heldout24): "多卡训练" (training on several
        // cards), two cards named, only the first card's memory rises
        assertTrue(pasteAlone("finetune-anything-36-only-first-card-grows-zh").contains("cue:multigpu"));
    }

    @Test
    void theComputersMemoryIsTheHosts() {
        // swc-17/SparseDrive#66 (corpus_heldout7): "电脑的内存" (the computer's memory) is
        // flat in training and swells in validation; labelled host_ram_oom
        assertTrue(pasteAlone("sparsedrive-66-host-ram-grows-in-validation-zh").contains("cue:host"));
    }

    @Test
    void theGpusMemoryNamedWithTheSameWordIsNotTheHosts() {
        // windmaple/Gemma-Chinese-instruction-tuning#1 (corpus_heldout26): "gpu内存不足" (the
        // GPU's memory is short): the same word qualified by the GPU names the card; labelled activations_batch
        assertFalse(pasteAlone("gemma-zh-1-gpu-mem-suddenly-zh").contains("cue:host"));
    }

    @Test
    void theValidationPassNamedInChineseIsEvaluation() {
        // cqylunlun/GLASS#65 (corpus_heldout36): "关于验证时的问题" (about the moment of
        // validation): too many test images run out of memory; labelled eval_accumulation
        assertTrue(pasteAlone("glass-65-validation-too-many-test-images").contains("cue:eval"));
    }
}
