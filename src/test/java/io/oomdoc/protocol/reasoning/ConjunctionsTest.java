package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape table (model/conjunctions.tsv), each row on real reports that show its shape and on one that does not. */
class ConjunctionsTest {
    /** harvardnlp/seq2seq-attn#65: good steps, then out of memory, no climb reported. */
    private static final String SEQ2SEQ = "At the beginning, it works well. However, after 4800 batch, it threw an error "
            + "about out of memory.\n\n"
            + "> Epoch: 1, Batch: 4800/15072, Batch size: 64, LR: 1.0000, PPL: 246.53, |Param|: 690.31, |GParam|: 5.21\n";
    /** roytseng-tw/Detectron.pytorch#22: late, and the reporter sees the memory climb. */
    private static final String DETECTRON = "Hi, I have successfully ran train_net.py of resnet-C4 (using 4 GPUs), but "
            + "after 15K training steps, `cuda runtime error with out of memory`. As I thought, this was caused by the "
            + "increasing GPU-memory of  dynamic graph, such as `loss+=xxx`";
    /** arcee-ai/DALM#99: out of memory eventually, when examples with longer inputs come up. */
    private static final String DALM = "As @jacob mentioned, we are getting OOM errors with the batch size of 8. We got "
            + "this due to some examples coming up with longer inputs and eventually giving OOM issues. So a better "
            + "controllable option is to make sure we fix the max input length.";
    /** A corpus report as the reporter gave it: their situation, then the paste. */
    private static String report(String id) {
        return Corpus.inAll(id).map(Case::withDescription)
                .orElseThrow();
    }

    private static Set<String> shapes(String text) {
        var e = new Diagnoser().evidence(LogText.of(text), null, Facts.EMPTY, null, null, null, new ArrayList<>());
        return new FeatureExtractor().extract(e).values().keySet().stream().filter(k -> k.startsWith("shape:"))
                .collect(Collectors.toSet());
    }

    @Test
    void everyRowOfTheBundledTableReadsAndIsNamedOnce() {
        var names = Conjunctions.table().stream().map(Conjunctions.Row::name).toList();
        assertEquals(names.size(), Set.copyOf(names).size(), names.toString());
        assertTrue(names.containsAll(Set.of("late-flat", "late-growing", "late-long-input", "served-past-start")),
                names.toString());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aLateFailureWithNoClimbIsFlatAndOneWithAClimbIsGrowing() {
        assertTrue(shapes(SEQ2SEQ).contains("shape:late-flat"), shapes(SEQ2SEQ).toString());
        assertFalse(shapes(SEQ2SEQ).contains("shape:late-growing"));
        assertTrue(shapes(DETECTRON).contains("shape:late-growing"), shapes(DETECTRON).toString());
        assertFalse(shapes(DETECTRON).contains("shape:late-flat"));
    }

    @Test
    void aLateFailureInValidationIsReadByItsValidationNotByItsTime() {
        // leftthomas/SRGAN#43: fine through an epoch of training, then the memory explodes in the validation loop
        String srgan = "The first epoch training works fine, I use the same batch size as before and then when the "
                + "validation come the GPU memory explode after some iterations (19% of the validation loop).";
        assertFalse(shapes(srgan).contains("shape:late-flat"), shapes(srgan).toString());
    }

    @Test
    void aLateFailureOnInputsOfVaryingLengthIsTheLongestInputsShape() {
        assertTrue(shapes(DALM).contains("shape:late-long-input"), shapes(DALM).toString());
        assertFalse(shapes(SEQ2SEQ).contains("shape:late-long-input"), "no word about the inputs' length");
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aServerThatFailsOnARequestAfterItsWarmupIsPastItsStart() {
        // huggingface/text-generation-inference#1374: the server warmed up, then a request failed during generation
        String tgi = report("tgi-1374-codellama34b-eetq-oom-after-warmup");
        assertTrue(shapes(tgi).contains("shape:served-past-start"), shapes(tgi).toString());
        assertFalse(shapes(SEQ2SEQ).contains("shape:served-past-start"));
    }

    @Test
    void aSuddenIncreaseIsAJumpNotAClimb() {
        // k2-fsa/icefall#521, the reporter's conclusion
        var e = new Diagnoser().evidence(LogText.of("It is the problem of my data. The length of some text in the data "
                + "is too long, resulting in a sudden increase in memory."), null, Facts.EMPTY, null, null, null,
                new ArrayList<>());
        var x = new FeatureExtractor().extract(e).values().keySet();
        assertTrue(x.contains("cue:spike"), x.toString());
        assertFalse(x.contains("cue:growth"), x.toString());
    }

    @Test
    void aRowWithAMissingCellIsRefusedLoudly() {
        var bad = new ByteArrayInputStream("late-flat\tcue:late\tcue:growth\n".getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> Conjunctions.read(bad));
    }

    /** A third-split report (scored in round 5, development data since) as the reporter gave it. */
    private static String heldOut(String id) {
        return Corpus.heldout5().stream().filter(c -> c.id().equals(id)).findFirst().map(Case::withDescription)
                .orElseThrow();
    }

    @Test
    void aFailureAtTheVaeDecodeHasTheDecodeShape() {
        // Acly/krita-ai-diffusion#556: "I suspect it happens at the VAE decode stage"
        assertTrue(shapes(heldOut("krita-ai-556-sdxl-crash-at-vae-decode")).contains("shape:vae-decode"));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aDecodeNamedOnlyAsACostIsNotTheDecodeShape() {
        // the mold report names the VAE decode as headroom the weights leave no room for, not where it failed
        assertFalse(shapes(report("mold-79-flux-dev-bf16-4090-transformer-exceeds")).contains("shape:vae-decode"));
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aHostKilledAtValidationIsTheHostAtEvalShape() {
        // JinheonBaek/RGCN#3: "the server will be killed when executing the valid function"
        assertTrue(shapes(report("rgcn-3-killed-at-validation-64g")).contains("shape:host-at-eval"));
        // leftthomas/SRGAN#43: validation on the card, no word about the host
        String srgan = "The first epoch training works fine, and then when the validation come the GPU memory explode "
                + "after some iterations (19% of the validation loop).";
        assertFalse(shapes(srgan).contains("shape:host-at-eval"), shapes(srgan).toString());
    }
}
