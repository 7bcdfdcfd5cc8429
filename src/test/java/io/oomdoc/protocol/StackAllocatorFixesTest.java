package io.oomdoc.protocol;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * JAX and TensorFlow failures get their own rungs and their allocator's settings, and a host RAM kill is fixed
 * where the host memory goes (issue 12, points 4 and 6; bench/run.sh ReportAudit, checks jaxtf-no-knob,
 * jaxtf-torch-fix and first-fix-off-cause). The cases are the corpus's (src/test/resources/corpus/), sources below.
 */
class StackAllocatorFixesTest {
    private static final Diagnoser D = new Diagnoser();

    private static Report diagnose(String text) {
        return EvidenceGatherer.from(LogText.of(text)).sessionFacts(Facts.EMPTY).gather().diagnose(D);
    }

    private static Case corpus(String id) {
        return Corpus.inAll(id).orElseThrow();
    }

    private static String code(Report r) {
        return String.join("\n", r.fixes().stream().map(f -> f.before() + "\n" + f.after()).toList());
    }

    @Test
    void aTensorFlowBatchFailureGetsKerasRungsAndMemoryGrowthNoPyTorch() {
        // santi-pdp/segan#42: ResourceExhaustedError in a TensorFlow GAN, fixed by a smaller batch
        Report r = diagnose(corpus("segan-42-tf-oom-shape-reduce-batch").paste());
        String code = code(r);
        assertTrue(code.contains("set_memory_growth"), code);
        assertTrue(code.contains("tf.recompute_grad") || code.contains("mixed_precision"), code);
        assertFalse(code.contains("torch."), code);
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void tensorFlowsAllocatorNameAloneMakesItATensorFlowReport() {
        // taki0112/FUNIT-Tensorflow#3 (corpus_heldout13): the title names only TensorFlow's allocator, "GPU_0_bfc"
        Case c = Corpus.heldout13().stream().filter(x -> x.id().equals("funit-tf-3-bfc-allocator-batch8")).findFirst()
                .orElseThrow();
        Report r = diagnose(c.paste());
        assertTrue(code(r).contains("set_memory_growth"), code(r));
        assertFalse(code(r).contains("DataLoader(") || code(r).contains("torch."), code(r));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aTensorFlowLeakIsFixedInTensorFlowsTermsFirst() {
        // tensorflow/tensorflow#73457: GPU memory climbs every iteration of a TensorFlow loop
        Report r = diagnose(corpus("tensorflow-73457-gpu-current-memory-climbs-per-iteration").withDescription());
        assertEquals("M20", r.fixes().get(0).kb(), String.valueOf(r.fixes()));
        assertFalse(code(r).contains("torch."), code(r));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aHostKillWhileAnInferenceModelLoadsIsFixedWhereTheHostCopyIsMade() {
        // PKU-YuanGroup/Video-LLaVA#13: "Killed" while loading checkpoint shards for inference
        Report r = diagnose(corpus("videollava-13-checkpoint-shards-killed").withDescription());
        assertEquals("host_ram_oom", r.category());
        Report.Fix first = r.fixes().get(0);
        assertEquals("U9", first.kb(), String.valueOf(r.fixes()));
        assertTrue(first.after().contains("low_cpu_mem_usage=True"), first.after());
    }
}
