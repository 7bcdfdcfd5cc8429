package io.oomdoc.protocol.reasoning;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When in the run the failure came, read from real reports' logs and words (sources in the comments). */
class TimeInRunTest {
    /** harvardnlp/seq2seq-attn#65: the reporter's prose, then the training log's progress lines. */
    private static final String SEQ2SEQ = "At the beginning, it works well. However, after 4800 batch, it threw an error "
            + "about out of memory.\n\n"
            + "> Epoch: 1, Batch: 4800/15072, Batch size: 64, LR: 1.0000, PPL: 246.53, |Param|: 690.31, |GParam|: 5.21\n"
            + "> Epoch: 1, Batch: 4850/15072, Batch size: 64, LR: 1.0000, PPL: 244.21, |Param|: 691.18, |GParam|: 5.53\n";

    private static FeatureVector features(String text) {
        var e = new Diagnoser().evidence(LogText.of(text), null, Facts.EMPTY, null, null, null, new ArrayList<>());
        return new FeatureExtractor().extract(e);
    }

    @Test
    void aRunThatWentWellThenFailedIsALatePeakNotAFirstStep() {
        FeatureVector x = features(SEQ2SEQ);
        assertTrue(x.values().containsKey("rule:ran fine then failed"), x.values().keySet().toString());
        assertTrue(x.values().containsKey("cue:late"));
        assertFalse(x.values().containsKey("cue:first"), "\"at the beginning, it works well\" is not a first-step "
                + "failure");
    }

    @Test
    void reportedGrowthIsALeakNotALatePeak() {
        // roytseng-tw/Detectron.pytorch#22: late, but the reporter sees the memory climb
        FeatureVector x = features("Hi, I have successfully ran train_net.py of resnet-C4 (using 4 GPUs), but after "
                + "15K training steps, `cuda runtime error with out of memory`. As I thought, this was caused by the "
                + "increasing GPU-memory of  dynamic graph, such as `loss+=xxx`");
        assertFalse(x.values().containsKey("rule:ran fine then failed"));
    }

    @Test
    void aLogPastItsFirstEpochIsLate() {
        // Maclory/SPSR#38, "CUDA Out Of Memory on 4900th iteration.", with two of its training log lines
        FeatureVector x = features("CUDA Out Of Memory on 4900th iteration.\n"
                + "21-05-24 02:11:29.657 - INFO: <epoch: 30, iter:   2,800, lr:1.000e-04> l_g_pix: 3.2022e-03\n"
                + "21-05-24 02:14:41.966 - INFO: <epoch: 31, iter:   2,900, lr:1.000e-04> l_g_pix: 2.0775e-03\n");
        assertTrue(x.values().containsKey("epoch:later"), x.values().keySet().toString());
        assertFalse(features(SEQ2SEQ).values().containsKey("epoch:later"), "epoch 1 is still the first pass");
    }

    @Test
    void inferencingIsInference() {
        // shadow-removal test script on one 1920x1440 image (corpus_heldout15 shadow-r-1): the verb form of inference
        String text = io.oomdoc.corpus.Corpus.heldout15().stream()
                .filter(c -> c.id().equals("shadow-r-1-1920x1440-inference-3090ti")).findFirst().orElseThrow().paste();
        assertFalse(text.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\binference\\b.*"), "the noun is absent");
        assertTrue(features(text).values().containsKey("cue:phase-inference"));
    }

    @Test
    void transcribingIsInference() {
        // jianfch/stable-ts#250: Whisper transcription is a model run for inference, whatever the words say of training
        FeatureVector x = features("I'm trying to use gpu to transcript:\nmodel = stable_whisper.load_model('large-v2')"
                + ".cuda(0)\nresult = model.transcribe(file, language='en')\nbut after running above code it will rase "
                + "fowling error：\n    CUDA out of memory. Tried to allocate 26.00 MiB (GPU 0; 6.00 GiB total capac");
        assertTrue(x.values().containsKey("cue:phase-inference"), x.values().keySet().toString());
    }

    /** A corpus report (any trainable part) as the reporter gave it: their situation, then the paste. */
    private static String report(String id) {
        return io.oomdoc.corpus.Corpus.development7().stream().filter(c -> c.id().equals(id)).findFirst()
                .map(io.oomdoc.corpus.Case::withDescription).orElseThrow();
    }

    @Test
    void thousandsOfStepsOrExamplesBeforeTheFailureAreLate() {
        // facebookresearch/ParlAI#407: "GPU is out of memory after training on a few thousand of examples"
        var x = features(report("parlai-407-seq2seq-ubuntu-long-sequences-truncate"));
        assertTrue(x.values().containsKey("cue:late") || x.values().containsKey("log:late"),
                x.values().keySet().toString());
        // tensorflow/tensor2tensor#581, the reporter's words
        assertTrue(features("It runs out of memory after thousands of steps.").values().containsKey("cue:late"));
    }

    @Test
    void anEpochNamedByItsOrdinalFromTheThirdOnIsLate() {
        // Intellindust-AI-Lab/DEIMv2#43: the situation in English, then the reporter's Chinese ("by the 4th round")
        var x = features(report("deimv2-43-epoch4-oom-4090-batch8-zh"));
        assertTrue(x.values().containsKey("cue:late") || x.values().containsKey("log:late"),
                x.values().keySet().toString());
        String deimv2 = "训练报错显存不足，前几轮显存只占用11G左右，到了第4轮就出现这个";
        assertTrue(features(deimv2).values().keySet().stream().anyMatch(k -> k.endsWith(":late")));
        // the second step is the optimizer's first update, not a late peak
        assertFalse(features("It fails with out of memory at the second step.").values().keySet().stream()
                .anyMatch(k -> k.endsWith(":late")));
    }

    /** A report of the trainable corpus as the reporter pasted it (their own words, no situation of ours). */
    private static String pasted(String id) {
        return io.oomdoc.corpus.Corpus.inTrainable(id)
                .map(io.oomdoc.corpus.Case::paste).orElseThrow();
    }

    private static boolean late(String text) {
        return features(text).values().keySet().stream().anyMatch(k -> k.equals("cue:late") || k.equals("log:late"));
    }

    @Test
    void aStepCountOrLaterEpochTheFailureCameAtIsLate() {
        // JialeCao001/D2Det#42: "cuda out of memory at 800 iterations", the reporter's words without a log
        assertTrue(late(pasted("d2det-42-isaid-oom-at-800-iters")));
        // microsoft/singleshotpose#112: "the problem arises when the epoch goes to 60~70"
        assertTrue(late(pasted("singleshotpose-112-multiscale-late-oom")));
        // nl8590687/ASRT_SpeechRecognition#38: "可以跑到10万步左右报OOM"
        // (it runs to about 100k steps, then OOM)
        assertTrue(late(pasted("asrt-38-oom-after-100k-steps-batch-112")));
        // SamsungLabs/iterdet#19: "I run to the second epoch will not be enough memory": a whole epoch ran first
        assertTrue(late(pasted("iterdet-19-2080ti-batch1-second-epoch")));
    }

    @Test
    void aSizeOrAScheduleIsNotAStepCount() {
        assertFalse(late("Training at 512 resolution with a batch of 16 fails with CUDA out of memory."));
        assertFalse(late("The config trains for about 100 epochs; it fails with CUDA out of memory at once."));
    }

    @Test
    void aFirstEpochThatFinishedIsNotWhenItFailed() {
        // HITsz-TMG/PPAT#6: "I succeed finished the first epoch with more than 47GB memory, but Out Of Memory at the
        // second epoch"
        var x = features(pasted("ppat-6-a6000-second-epoch-document-graphs")).values().keySet();
        assertTrue(x.contains("cue:late"), x.toString());
        assertFalse(x.contains("cue:first"), x.toString());
    }
}
