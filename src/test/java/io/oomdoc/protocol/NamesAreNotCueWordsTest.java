package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Cue words are read in the user's words, not in names (bench/results.md "## ux16" rows 9, 10, 18): the validation
 * prompt "A photo of sks dog in a bucket" of huggingface/diffusers#10994, TensorFlow's build path
 * C:\tf_jenkins\workspace\ of d4nst/RotNet#11 and the flag --per-device-eval-batch-size of deepspeedai/DeepSpeed#3262
 * (threads in traces/SOURCES.md).
 */
class NamesAreNotCueWordsTest {
    private static Evidence of(String fixture) {
        return new Diagnoser().evidence(LogText.of(Fixtures.text("traces/" + fixture)), null, Facts.EMPTY, null, null,
                null, new ArrayList<>());
    }

    private static String fired(String signal, Evidence e) {
        return Signals.ALL.stream().filter(s -> s.name().equals(signal)).findFirst().orElseThrow().test().apply(e);
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aBucketInAValidationPromptIsNoLengthBucketing() {
        assertNull(fired("longest words", of("diffusers-10994-flux-lora-batch2-80gb.txt")));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aWorkspaceInABuildPathNamesNoCudaLibrary() {
        assertNull(fired("library words", of("tf-rotnet-11-bfc-stats-shape-oom.txt")));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void anEvalInAFlagNameIsNoEvaluation() {
        assertNull(fired("eval words", of("prose-deepspeed-3262-include-3-5.txt")));
    }

    @Test
    void aLibraryNamedInWordsStillCounts() {
        Evidence e = new Diagnoser().evidence(LogText.of("cuDNN error: CUDNN_STATUS_NOT_SUPPORTED while the "
                + "workspace was allocated"), null, Facts.EMPTY, null, null, null, new ArrayList<>());
        assertNotNull(fired("library words", e));
    }

    /** dmlc/dgl#745's closing comment (corpus case dgl-745-validation-oom-disable-gradients): a link's title. */
    @Test
    void aThreadTitleInAWebAddressStillNamesEvaluation() {
        Evidence e = new Diagnoser().evidence(LogText.of("I finally fix it. It is a problem with pytorch. The "
                + "solution:https://discuss.pytorch.org/t/"
                + "out-of-memory-error-during-evaluation-but-training-works-fine/12274/4"),
                null, Facts.EMPTY, null, null, null, new ArrayList<>());
        assertNotNull(fired("eval words", e));
    }

    // conversations_heldout4/M30-gpt-neox-13b-zero3-4x2080ti-22g.txt #1 (EleutherAI/gpt-neox#1354): DeepSpeed's
    // communication buckets in a config diff are not data bucketed by length
    @Test
    void aCommunicationBucketInADeepSpeedConfigIsNoLengthBucketing() {
        Evidence e = new Diagnoser().evidence(LogText.of("why GPU OOM with zero3+offload for 13B with 4*2080ti 22g "
                + "cards? my diff of configs/13B.yml:\n-    \"allgather_bucket_size\": 500000000,\n"
                + "+    \"allgather_bucket_size\": 50000,\n-    \"reduce_bucket_size\": 500000000,\n"
                + "+    \"reduce_bucket_size\": 50000,"), null, Facts.EMPTY, null, null, null, new ArrayList<>());
        assertNull(fired("longest words", e));
    }
}
