package io.oomdoc.evidence.trace;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The frame table (trace/phase-frames.tsv) on tracebacks quoted in real reports of the corpus. */
class PhaseFramesTest {
    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    private static String described(String id) {
        return Corpus.heldout6().stream().filter(c -> c.id().equals(id)).findFirst().map(Case::withDescription)
                .orElseThrow();
    }

    private static String paste(String id) {
        return Corpus.inAll(id).or(() -> Corpus.firstIn(id, List.of(Corpus.HELDOUT5, Corpus.HELDOUT6)))
                .map(Case::paste).orElseThrow();
    }

    private static String trainablePaste(String id) {
        return Corpus.inTrainable(id).map(Case::paste).orElseThrow();
    }

    @Test
    void aScriptsOwnPerEpochTestPassIsTheEvaluation() {
        // ma-xu/pointMLP-pytorch#75 (corpus_heldout20): the innermost frame is the script's test_epoch
        assertEquals(Phase.EVAL, analyzer.analyze(LogText.of(trainablePaste("pointmlp-75-partseg-test-epoch-3060")))
                .phase());
    }

    @Test
    void mxnetsKvstoreUpdateIsTheOptimizerStep() {
        // deepinsight/insightface#257 (corpus_heldout15): fit -> update -> _update_params_on_kvstore
        assertEquals(Phase.OPTIMIZER_STEP, analyzer.analyze(LogText.of(trainablePaste(
                "insightface-257-mxnet-kvstore-push-oom"))).phase());
    }

    @Test
    void mindSporesConstructIsTheForward() {
        // mindspore-lab/mindone#465 (corpus_heldout13): Cell._run_construct -> construct in a normalization layer
        assertEquals(Phase.FORWARD, analyzer.analyze(LogText.of(trainablePaste(
                "mindone-465-sd-lora-12gb-malloc-kernel-output-zh"))).phase());
    }

    @Test
    void aModulesOwnForwardHelperIsTheForward() {
        // zhou13/lcnn#23 (corpus_heldout8): the only frame left in the paste is torch 1.4's conv.py conv2d_forward
        assertEquals(Phase.FORWARD, analyzer.analyze(LogText.of(trainablePaste(
                "lcnn-23-conv2d-forward-1660ti-needs-12gb"))).phase());
    }

    @Test
    void notebookFramesAreReadAndNameTheEvaluation() {
        // NVIDIA-Merlin/Transformers4Rec#693: an IPython traceback ("File /path.py:2113, in Trainer.evaluate(...)")
        TraceAnalysis a = analyzer.analyze(LogText.of(paste("merlin-t4rec-693-trainer-evaluate-oom")));
        assertTrue(a.frames().stream().anyMatch(f -> f.function().equals("Trainer.evaluate")), a.frames().toString());
        assertEquals(Phase.EVAL, a.phase());
    }

    @Test
    void aDataLoaderFileFrameNamesTheLoader() {
        // FoNDUE-HTR/Documentation#5: the only frame is torch/utils/data/dataloader.py in _try_get_data
        assertEquals(Phase.DATALOADER, analyzer.analyze(LogText.of(paste("fondue-5-slurm-srun-out-of-memory")))
                .phase());
    }

    @Test
    void libraryCodeThatMovesTensorsIsNotTheModelLoad() {
        // the same .to(device) line counts in the user's script and not inside an installed library
        Frame user = new Frame("train.py", 40, "main", "model = model.to(device)");
        Frame lib = new Frame("/usr/lib/python3.10/site-packages/pkg/layers.py", 12, "run", "x = x.to(device)");
        assertEquals(Phase.LOAD, TraceAnalyzer.phaseFromFrames(java.util.List.of(user)).phase());
        assertEquals(null, TraceAnalyzer.phaseFromFrames(java.util.List.of(lib)));
    }

    @Test
    void framesWinInTheRankThePhaseDefinitionsGive() {
        // knowledge/phases.tsv orders the frame table, whatever order its rows are written in
        List<Phase> ranked = PhaseDefinitions.all().stream().filter(d -> d.frameRank() > 0)
                .sorted(java.util.Comparator.comparingInt(PhaseDefinitions.Definition::frameRank))
                .map(PhaseDefinitions.Definition::phase).toList();
        String reversed = "forward\tfunction\t^forward$\noptimizer_step\tfunction\t^step$\n";
        var groups = PhaseFrames.read(new java.io.ByteArrayInputStream(reversed.getBytes(
                java.nio.charset.StandardCharsets.UTF_8))).groups();
        assertEquals(List.of(Phase.OPTIMIZER_STEP, Phase.FORWARD), groups.stream().map(PhaseFrames.Group::phase)
                .toList());
        assertEquals(ranked, PhaseFrames.groups().stream().map(PhaseFrames.Group::phase).toList());
    }

    @Test
    void framesInsideAClosureTheOptimizerStepCallsPlaceTheFailure() {
        // the call chain of h200/oom_lightning.log, shortened: optimizer.step runs the closure, the closure the forward
        String lib = "/venv/lib/python3.12/site-packages/";
        List<Frame> frames = List.of(
                new Frame(lib + "lightning/pytorch/core/module.py", 1368, "optimizer_step",
                        "optimizer.step(closure=optimizer_closure)"),
                new Frame(lib + "torch/optim/adam.py", 227, "step", "loss = closure()"),
                new Frame(lib + "lightning/pytorch/loops/optimization/automatic.py", 131, "closure",
                        "step_output = self._step_fn()"),
                new Frame(lib + "transformers/models/gpt2/modeling_gpt2.py", 240, "forward",
                        "hidden_states = self.act(hidden_states)"));
        assertEquals(Phase.FORWARD, TraceAnalyzer.phaseFromFrames(frames).phase());
        assertEquals(Phase.OPTIMIZER_STEP, TraceAnalyzer.phaseFromFrames(frames.subList(0, 1)).phase());
    }

    @Test
    void handingAClosureToTheStepIsNotCallingIt() {
        // GritLM#65 (accelerate's wrapper passes the closure on: "self.optimizer.step(closure)"): the step's own OOM
        TraceAnalysis a = analyzer.analyze(LogText.of(Corpus.inTrainable("gritlm-65-llama3-8b-gradcache-optimizer-step")
                .map(Case::paste).orElseThrow()));
        assertEquals(Phase.OPTIMIZER_STEP, a.phase());
    }

    @Test
    void anAutogradFunctionsOwnBackwardNamesTheBackwardPass() {
        // axolotl-ai-cloud/axolotl#849: the innermost frame is flash-attention's _flash_attn_varlen_backward
        assertEquals(Phase.BACKWARD, analyzer.analyze(LogText.of(paste("axolotl-849-sample-packing-flash-varlen-bwd")))
                .phase());
        Frame fwd = new Frame("/usr/lib/python3.10/site-packages/flash_attn/flash_attn_interface.py", 90,
                "_flash_attn_varlen_forward", "out = flash_attn_cuda.varlen_fwd(");
        var guess = TraceAnalyzer.phaseFromFrames(java.util.List.of(fwd));
        assertTrue(guess == null || guess.phase() != Phase.BACKWARD, String.valueOf(guess));
    }

    @Test
    void tensorFlowsGradientCodeNamesTheBackwardPass() {
        // tensorflow/tensorflow#48456 (traces/tf-eager-conv2d-backprop-input.txt): the eager gradient of a
        // convolution runs in tensorflow/python/ops/nn_grad.py
        TraceAnalysis a = analyzer.analyze(io.oomdoc.Fixtures.log("traces/tf-eager-conv2d-backprop-input.txt"));
        assertEquals(Phase.BACKWARD, a.phase(), a.frames().toString());
        Frame tape = new Frame("train.py", 30, "train_step", "grads = tape.gradient(loss, model.trainable_variables)");
        assertEquals(Phase.BACKWARD, TraceAnalyzer.phaseFromFrames(java.util.List.of(tape)).phase());
    }

    @Test
    void aConstructorOnTheStackIsTheLoad() {
        // chidiwilliams/buzz#439 (corpus_heldout5): CTranslate2 fails inside faster_whisper's WhisperModel.__init__
        String paste = io.oomdoc.corpus.Corpus.heldout5().stream()
                .filter(c -> c.id().equals("buzz-439-faster-whisper-medium-gtx1060")).findFirst().orElseThrow().paste();
        assertEquals(Phase.LOAD, analyzer.analyze(LogText.of(paste)).phase());
    }

    @Test
    void aModuleMovedOntoTheDeviceIsTheLoad() {
        // PrimeIntellect-ai/verifiers#106 (corpus_heldout12): nn.Module.to() fails in convert inside trainer.train()
        String paste = Corpus.heldout12().stream()
                .filter(c -> c.id().equals("verifiers-106-qwen72b-lora-grpo-to-device")).findFirst().orElseThrow().paste();
        TraceAnalysis a = analyzer.analyze(LogText.of(paste));
        assertEquals(Phase.LOAD, a.phase(), a.phaseEvidence());
    }

    @Test
    void anIPythonFrameIsTheArrowedLineNotTheFirstLineOfContext() {
        // flairNLP/flair#3487 (corpus_heldout6): "File .../trainer.py:624, in ModelTrainer.train_custom(...)" is
        // followed by lines 622 and 623 of context, then "--> 624 scaler.step(self.optimizer)", the call that ran
        TraceAnalysis a = analyzer.analyze(LogText.of(paste("flair-3487-textpair-regressor-leak-scaler-step")));
        assertEquals("scaler.step(self.optimizer)", a.frames().get(0).code(), a.frames().toString());
        assertEquals(Phase.OPTIMIZER_STEP, a.phase());
    }

    @Test
    void anOlderIPythonFrameTakesItsLineFromTheArrow() {
        // google/trax#431 (corpus_heldout6): IPython before 8 writes "<ipython-input-72-...> in <module>()" and
        // gives the line only on the arrow below ("---> 21     train_step(...)")
        Frame f = analyzer.analyze(LogText.of(paste("trax-431-reformer-tpu-fragmentation-30m"))).frames().get(0);
        assertEquals("<module>", f.function());
        assertEquals(21, f.line());
        assertTrue(f.code().startsWith("train_step("), f.code());
    }

    @Test
    void aKillNamesTheDataLoaderOnlyWhenALoaderWorkerWasKilled() {
        // lzhxmu/CPPO#6 (corpus_heldout6, with its description): rank 0 killed "on a cloud worker", no DataLoader
        assertEquals(Phase.UNKNOWN, analyzer.analyze(LogText.of(described("cppo-6-grpo-rank0-sigkill"))).phase());
        // hezhangsprinter/DCPDN#12: "RuntimeError: DataLoader worker (pid 19597) is killed by signal: Killed."
        assertEquals(Phase.DATALOADER, analyzer.analyze(LogText.of(paste("dcpdn-12-dataloader-killed-16g"))).phase());
    }

    @Test
    void aWorkersBusErrorIsTheDataLoaderRunningOutOfSharedMemory() {
        // nianticlabs/simplerecon#3: the worker's own message, no "DataLoader worker (pid ...)" line after it
        TraceAnalysis a = analyzer.analyze(LogText.of(paste("simplerecon-3-shm-bus-error")));
        assertEquals(TraceFinding.FailureKind.HOST_RAM_OOM, a.findings().get(0).kind());
        assertEquals(Phase.DATALOADER, a.phase());
    }

    @Test
    void tensorFlowsVariableInitializerIsTheLoad() {
        // CharlesShang/TFFRCNN#68: sess.run(tf.global_variables_initializer()) allocates the weights
        Frame init = new Frame("./lib/fast_rcnn/train.py", 148, "train_model",
                "sess.run(tf.global_variables_initializer())");
        assertEquals(Phase.LOAD, TraceAnalyzer.phaseFromFrames(java.util.List.of(init)).phase());
        assertEquals(Phase.LOAD, analyzer.analyze(LogText.of(paste("tffrcnn-68-variables-init-1-7gb-limit"))).phase());
    }

    @Test
    void aCudaErrorUnderComputeFramesIsNotTheFirstCudaCall() {
        // open-mmlab/mmdetection#188: "CUDA error: out of memory" inside the IoU assigner, hundreds of iterations in
        assertNotEquals(Phase.STARTUP, analyzer.analyze(LogText.of(
                paste("mmdet-188-widerface-max-iou-assigner-oom-after-iterations"))).phase());
        // vt-vl-lab/pwc-net.pytorch#3: the same error on the script's first .cuda() is the start
        assertEquals(Phase.STARTUP, analyzer.analyze(LogText.of(paste("pwcnet-3-first-cuda-call-oom"))).phase());
    }

    @Test
    void aBareCudaRuntimeErrorWithNoFrameSaysNothingOfWhen() {
        // luuuyi/RefineDet.PyTorch#13 (corpus_heldout8): "CUDA error: out of memory" after the code ran for a while
        String paste = io.oomdoc.corpus.Corpus.heldout8().stream()
                .filter(c -> c.id().equals("refinedet-13-oom-after-running-a-while")).findFirst().orElseThrow().paste();
        TraceAnalysis a = analyzer.analyze(LogText.of(paste));
        assertEquals(TraceFinding.FailureKind.CUDA_RUNTIME, a.primary().orElseThrow().kind());
        assertEquals(Phase.UNKNOWN, a.phase());
    }

    @Test
    void aCudaErrorWhileTorchLoadRestoresACheckpointIsTheLoad() {
        // zhejz/carla-roach#15 (corpus_heldout24): "CUDA error: out of memory" inside torch.load, which the policy
        // calls as th.load: the checkpoint's storages are being placed on the card
        TraceAnalysis a = analyzer.analyze(LogText.of(trainablePaste("carla-roach-15-torch-load-cuda-error")));
        assertEquals(Phase.LOAD, a.phase(), a.phaseEvidence());
        assertTrue(a.phaseEvidence().startsWith("frame "), a.phaseEvidence());
    }

    @Test
    void aCudaErrorInAConstructorIsTheLoadNotTheStart() {
        // NVlabs/tiny-cuda-nn#387 (corpus/train14.jsonl): the encoding's __init__ allocates its initial parameters
        TraceAnalysis a = analyzer.analyze(LogText.of(trainablePaste("tiny-cuda-nn-387-encoding-init-oom-3090")));
        assertEquals(Phase.LOAD, a.phase(), a.phaseEvidence());
    }

    @Test
    void aCudaErrorOnAModulesCudaCallIsStillTheStart() {
        // NVIDIA/sentiment-discovery#42 (corpus/train14.jsonl): model.cuda() walks the parameters through _apply on
        // the first CUDA call
        assertEquals(Phase.STARTUP, analyzer.analyze(LogText.of(
                trainablePaste("sentiment-discovery-42-model-cuda-first-call-oom"))).phase());
    }

    @Test
    void aScriptsOwnInferenceFunctionIsTheForward() {
        // FunAudioLLM/SenseVoice#218 (corpus_heldout12): model.py inference -> ctc_forced_align, no module frame
        assertEquals(Phase.FORWARD, analyzer.analyze(LogText.of(trainablePaste(
                "sensevoice-218-mps-timestamp-ctc-align-zh"))).phase());
    }

    @Test
    void aScriptsOwnValidationFunctionIsTheEvaluation() {
        // ljwztc/CLIP-Driven-Universal-Model#55 (corpus_heldout15): main -> validation -> sliding_window_inference;
        // the validation frame outranks the inference function it calls
        assertEquals(Phase.EVAL, analyzer.analyze(LogText.of(trainablePaste(
                "clip-universal-55-sliding-window-output-buffer"))).phase());
    }
}
