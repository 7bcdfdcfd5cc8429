package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cue hostdown: a report in prose says the machine, the notebook's session or its kernel went down, or names
 * the machine's memory rather than the card's. A CUDA out-of-memory error stays inside the process; running out of
 * host RAM takes the session or the machine down. Saying the RAM is what was lacking ("insufficient RAM") is the same.
 */
class HostDownCueTest {
    private static Set<String> features(String id) {
        return CueFeatures.of(Corpus.inTrainable(id).map(Case::paste).orElseThrow());
    }

    private static boolean hostDown(Set<String> x) { return x.contains("cue:hostdown") || x.contains("log:hostdown"); }

    @Test
    void theComputersMemoryNamedAsWhatRoseIsHostDown() {
        // MarcusNerva/HMN#27 (corpus_heldout18, host_ram_oom): "The memory of computer will rise quickly and eventurally
        // out of memory (my computer is 30G memory)"
        Set<String> x = features("hmn-27-dataloader-ram-30g");
        assertTrue(hostDown(x), x.toString());
    }

    @Test
    void memoryThatIsNotTheGpusIsHostDown() {
        // tensorflow/recommenders#324 (corpus_heldout27, host_ram_oom): "the memory (not GPU memory) of my machine runs
        // full and crashes even before the first training epoch"
        Set<String> x = features("tf-recommenders-324-host-ram-before-fit");
        assertTrue(hostDown(x), x.toString());
    }

    @Test
    void aColabThatCrashesOnALargeDatasetIsHostDown() {
        // arcelien/pba#16 (corpus_heldout23, host_ram_oom): "google colab seems to crash" with 3700 HD images
        Set<String> x = features("pba-16-colab-crash-3700-hd-images");
        assertTrue(hostDown(x), x.toString());
    }

    @Test
    void ramSaidToBeInsufficientIsHostDown() {
        // SpikeInterface/spikeinterface#1717 (corpus_heldout28, host_ram_oom): numpy's MemoryError while the recording
        // is read, and the maintainer's "I think the issue is not enough RAM"
        Set<String> x = features("spikeinterface-1717-array-memoryerror");
        assertTrue(hostDown(x), x.toString());
    }

    @Test
    void anInferenceServerThatCrashesIsNotHostDown() {
        // huggingface/text-generation-inference#563 (corpus/serving, kv_cache_inference): "Webserver Crashed" after
        // the warm-up's allocation on the card failed
        Set<String> x = features("tgi-563-flan-t5-xl-warmup-allocation-exceeds");
        assertFalse(hostDown(x), x.toString());
    }
}
