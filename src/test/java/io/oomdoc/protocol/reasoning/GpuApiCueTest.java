package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether the GPU is driven by a graphics or compute API outside the deep-learning frameworks, or by a program that
 * is not a model (the cue gpuapi, model/cues.tsv): there no batch, gradients or optimizer exist, which the cause
 * model weighs against the training causes. On real reports.
 */
class GpuApiCueTest {
    // one set read once for the class: the whole corpus takes seconds to parse
    private static final List<Case> SET28 = Corpus.heldout28();

    private static String text(List<Case> set, String id) {
        return set.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().paste().toLowerCase(Locale.ROOT);
    }

    @Test
    void anOpenClAllocationFailureNamesAComputeApi() {
        // fireice-uk/xmr-stak#199 (corpus_heldout28): a miner's OpenCL buffer allocation fails
        assertTrue(Cues.says("gpuapi", text(SET28, "xmr-stak-199-alloc-failure-spam")));
    }

    @Test
    void aMolecularDynamicsRunIsNotAModel() {
        // lammps/lammps#2040 (corpus_heldout29): the GPU package cannot hold 20 million atoms
        assertTrue(Cues.says("gpuapi", text(Corpus.heldout29(), "lammps-2040-20m-atoms-insufficient-accelerator")));
    }

    @Test
    void aHardwareVideoEncoderSessionIsNotAModel() {
        // joinhive-ai/transcoder#11 (corpus_heldout31): NVENC's session cannot be opened; its line, lower-cased
        assertTrue(Cues.says("gpuapi", "[h264_nvenc @ 0000023a79212040] openencodesessionex failed: out of memory"
                + " (10): (no details)"));
    }

    @Test
    void aRendererIsNotAModel() {
        // mitsuba-renderer/mitsuba2#489 (corpus_heldout31): a 512x512 render of the Cornell box runs out; the command
        assertTrue(Cues.says("gpuapi", "i test it with the command mitsuba -m gpu_autodiff_spectral"
                + " ..\\resources\\data\\scenes\\cbox\\cbox.xml"));
    }

    @Test
    void aPyTorchTrainingReportNamesNoComputeApi() {
        // leoxiaobin/deep-high-resolution-net.pytorch#54 (corpus_heldout28): training on a GTX 1070
        assertFalse(Cues.says("gpuapi", text(SET28, "hrnet-54-gtx1070-training")));
    }

    @Test
    void theApiNamedInsideAnotherWordIsNotTheApi() {
        assertFalse(Cues.says("gpuapi", "the decl_out_of_resources_handler and a hashratelimit field"));
    }
}
