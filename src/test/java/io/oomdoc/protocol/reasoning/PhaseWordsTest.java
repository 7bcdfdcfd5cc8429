package io.oomdoc.protocol.reasoning;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The phase read from words, on sentences quoted from real reports (sources in the comments). */
class PhaseWordsTest {
    @Test
    void namedMomentsGiveThePhase() {
        // rosinality/stylegan2-pytorch#11
        assertEquals(List.of("backward"), PhaseWords.phases("Hi, apparently, the memory issues during "
                + "loss.backwards() were due to saving the computation graph for loss for each iteration."));
        // eosphoros-ai/DB-GPT#63
        assertEquals(List.of("load"), PhaseWords.phases("Loading checkpoint shards:   0%|          | 0/2 "
                + "[00:00<?, ?it/s]Killed"));
        // NVIDIA/TensorRT builder log (marcoslucianops/DeepStream-Yolo#366): tactic selection happens while the engine
        // is built, before anything is served
        assertEquals(List.of("load"), PhaseWords.phases("WARNING: [TRT]: Skipping tactic 3 due to insufficient memory "
                + "on requested size of 4294967296 detected for tactic 0x0000000000000004."));
        // a lightning user's words: evaluation named as the moment
        assertEquals(List.of("eval"), PhaseWords.phases("There appears to be a memory leak during the validation "
                + "routine since the GPU I'm using runs out of memory"));
    }

    // by id, each report parsed alone (Corpus.inAll): this class runs in PIT minions, each a fresh JVM
    private static final java.util.function.Function<String, java.util.Optional<io.oomdoc.corpus.Case>> ALL =
            io.oomdoc.corpus.Corpus::inAll;
    private static final java.util.function.Function<String, java.util.Optional<io.oomdoc.corpus.Case>> TRAINABLE =
            io.oomdoc.corpus.Corpus::inTrainable;

    private static String text(java.util.List<io.oomdoc.corpus.Case> set, String id, boolean described) {
        return text(x -> set.stream().filter(c -> c.id().equals(x)).findFirst(), id, described);
    }

    private static String text(java.util.function.Function<String, java.util.Optional<io.oomdoc.corpus.Case>> set,
            String id, boolean described) {
        var c = set.apply(id).orElseThrow();
        return described ? c.withDescription() : c.paste();
    }

    @Test
    void validationNamedInChineseOrAnEvalOnlyRunIsTheEval() {
        // bojone/sohu2021-baseline#3: "after one batch of training, OOM comes in the evaluate stage"
        assertEquals(List.of("eval"), PhaseWords.phases("训练完一个batch后在evaluate阶段会出现OOM"));
        // aim-uofa/AdelaiDet#329: the training script started for evaluation alone
        assertEquals(List.of("eval"), PhaseWords.phases("python train_net.py --config-file configs/R50_3x.yaml "
                + "--num-gpus 1 --eval-only"));
        // THUDM/LongBench#17: benchmarking an LLM (评测) is its generation, not a validation pass
        assertEquals(List.of(), PhaseWords.phases("想知道您这边之前做评测的时候是怎么解决这个问题的"));
    }

    @Test
    void anEagerOpThatInitialisesAVariableIsTheLoad() {
        // theAIGuysCode/yolov3_deepsort#30: TensorFlow's eager message names the op, then the variable it creates
        assertEquals(List.of("load"), PhaseWords.phases("tensorflow.python.framework.errors_impl."
                + "ResourceExhaustedError: OOM when allocating tensor with shape[3,3,512,1024] and type float on "
                + "/job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc [Op:Add] name: "
                + "conv2d_49/kernel/Initializer/random_uniform/"));
    }

    @Test
    void theDeviceBeingSetUpOrItsGraphsCapturedIsTheStartup() {
        // Zeleni9/pytorch-wgan#36: the first query of the device count fails
        assertEquals(List.of("startup"), PhaseWords.phases("RuntimeError: Unexpected error from cudaGetDeviceCount(). "
                + "Did you run some cuda functions before calling NumCudaDevices() that might have already set an "
                + "error? Error 2: out of memory"));
        // NoncerPro/noncerpro-nimiq-cuda#17: the program's own device initialisation
        assertEquals(List.of("startup"), PhaseWords.phases("Cuda error in func \"cuda_init_device\" at line 33: "
                + "out of memory."));
        // GradientHQ/parallax#188: a serving node captures its CUDA graphs before the first request
        assertEquals(List.of("startup"), PhaseWords.phases("4. OOM when capturing graph. Only ~0.5GB for graph."));
        // torch's lazy initialisation is on the stack of any first CUDA call, a first forward included
        assertEquals(List.of(), PhaseWords.phases("  File \"/usr/lib/python3/site-packages/torch/cuda/__init__.py\", "
                + "line 247, in _lazy_init"));
    }

    @Test
    void theModelNamedAsLoadingIsTheLoad() {
        // l15938127/wenda#415 (corpus_heldout5): the failure comes while chatglm2-6b-int4 loads on a 6 GB laptop card
        assertEquals(List.of("load"), PhaseWords.phases(text(io.oomdoc.corpus.Corpus.heldout5(),
                "wenda-415-chatglm2-int4-laptop-6gb", true)));
        assertEquals(List.of(), PhaseWords.phases("After the model loads 7.7GB is used and it maxes out on chat"));
    }

    @Test
    void theDataSetBeingReadOrPreprocessedIsTheDataloader() {
        // sg-3d/sg3d#5 (corpus_heldout17): "when loading the dataset, my process is killed due to insufficient memory"
        // ("when loading" is also the load row's phrase: both are read, the phase model weighs them)
        assertEquals(List.of("dataloader", "load"), PhaseWords.phases(text(io.oomdoc.corpus.Corpus.heldout17(),
                "sg3d-5-killed-loading-dataset", false)));
        // nesl/RadHAR#12 (corpus/train14.jsonl): "out of memory when running code loading data from preprocessed data"
        assertEquals(List.of("dataloader"), PhaseWords.phases(text(ALL,
                "radhar-12-killed-loading-preprocessed-data", false)));
        // the model's own load keeps its phase
        assertEquals(List.of("load"), PhaseWords.phases("the process is killed while loading the model weights"));
    }

    @Test
    void aRunResumedFromACheckpointIsTheLoad() {
        // rosinality/stylegan2-pytorch#36 (corpus/allocator.jsonl): memory taken on the main GPU on resuming
        assertEquals(List.of("load"), PhaseWords.phases(text(ALL,
                "stylegan2-rosinality-36-resume-checkpoint-on-gpu0", false)));
    }

    @Test
    void tensorRtTimingATacticIsTheEngineBuild() {
        // NVIDIA-AI-IOT/nanosam#18 (corpus_heldout13): trtexec's tactic request larger than the Jetson Nano's memory
        assertEquals(List.of("load"), PhaseWords.phases(text(io.oomdoc.corpus.Corpus.heldout13(),
                "nanosam-18-trt-tactic-jetson-nano", false)));
    }

    @Test
    void aLibrarySettingItselfUpOnTheDeviceIsTheStartup() {
        // DeepLabCut/DeepLabCut#1299 (corpus_heldout10): cuDNN cannot create its handle when training starts
        assertEquals(List.of("startup"), PhaseWords.phases(text(io.oomdoc.corpus.Corpus.heldout10(),
                "deeplabcut-1299-cudnn-allow-growth", false)));
        // rowanz/neural-motifs#58 (corpus_heldout7): THC's random generator set up on the first CUDA use
        assertEquals(List.of("startup"), PhaseWords.phases(text(io.oomdoc.corpus.Corpus.heldout7(),
                "neural-motifs-58-thc-random-init-oom", false)));
        // tensorflow/tpu#385 (corpus/stacks.jsonl): XLA compiling the program for the TPU's HBM
        assertEquals(List.of("startup"), PhaseWords.phases(text(ALL, "tpu-385-efficientnet-hbm-v2", false)));
        // philip-huang/PIXOR#31 (corpus/train14.jsonl): TensorFlow reserving its region from the device
        assertEquals(List.of("startup"), PhaseWords.phases(text(ALL, "pixor-31-tf-failed-allocate-17gib-batch1", false)));
    }

    @Test
    void aBackwardCountedByItsPlaceInTheRunIsTheBackward() {
        // NVIDIA-NeMo/RL#2319 (corpus_heldout12): "We hit OOM as early as the 2nd GRPO backward step"
        assertEquals(List.of("backward"), PhaseWords.phases(text(io.oomdoc.corpus.Corpus.heldout12(),
                "nemo-rl-2319-grpo-intra-step-fragmentation", false)));
    }

    @Test
    void theAutogradEnginesCallAndRetainGraphAreTheBackward() {
        // qingze-bai/VSmTrans#3 (corpus_heldout8): a traceback cut before its frame lines, the engine's call kept
        assertEquals(List.of("backward"), PhaseWords.phases(text(io.oomdoc.corpus.Corpus.heldout8(),
                "vsmtrans-3-backward-226mib-16gb", false)));
        // Cranial-XIX/CAGrad#2 (corpus/train14.jsonl): the title alone, "retain_graph=true lead to OOM"
        assertEquals(List.of("backward"), PhaseWords.phases(text(ALL,
                "cagrad-2-retain-graph-oom-mtan", false)));
    }

    @Test
    void aModuleCountInEvalModeIsNoEvaluation() {
        // Lightning's model summary, h200/oom_lightning.log: the modules' mode, printed before every training run
        assertEquals(List.of(), PhaseWords.phases("Modules in train mode: 632\nModules in eval mode: 0"));
    }

    @Test
    void theGraphNodeTensorFlowNamesGivesThePhase() {
        // tensorflow/tensorflow#279: a forward convolution of the MNIST tutorial
        assertEquals(List.of("forward"), PhaseWords.phases("tensorflow.python.framework.errors.ResourceExhaustedError: "
                + "OOM when allocating tensor with shapedim { size: 10000 } dim { size: 14 } dim { size: 14 } dim { size: "
                + "64 }\n\t [[Node: Conv2D_1 = Conv2D[T=DT_FLOAT, padding=\"SAME\", strides=[1, 1, 1, 1]]]"));
        // tensorflow/tensor2tensor#782: a multiplication inside Keras's Adam update
        assertEquals(List.of("optimizer_step"), PhaseWords.phases("ResourceExhaustedError (see above for traceback): "
                + "OOM when allocating tensor with shape[123008,500] [[Node: training_10/Adam/mul_23 = Mul[T=DT_FLOAT, "
                + "_device=\"/job:localhost/replica:0/task:0/device:GP"));
        // tensorflow/tensorflow#48456: in eager mode the op is named in brackets
        assertEquals(List.of("backward"), PhaseWords.phases("ResourceExhaustedError: OOM when allocating tensor with "
                + "shape[4,96,98,322] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator "
                + "GPU_0_bfc [Op:Conv2DBackpropInput]"));
        // a gradient node of a graph-mode model (the scope TensorFlow gives every gradient op)
        assertEquals(List.of("backward"), PhaseWords.phases("OOM when allocating tensor with shape[64,256,56,56]\n"
                + "\t [[{{node gradients/conv2/Conv2D_grad/Conv2DBackpropFilter}}]]"));
    }

    @Test
    void tensorFlowOneFifteenNamesItsNodeWithoutBraces() {
        // experiencor/keras-yolo2#382 (corpus/train15.jsonl): "[[node model_1/conv_2/convolution (defined at ...)"
        assertEquals(List.of("forward"), PhaseWords.phases(text(ALL,
                "keras-yolo2-382-conv2-oom-train", false)));
    }

    @Test
    void theBackwardPassNamedAsWhatCostsTheMemory() {
        // bingykang/Fewshot_Detection#22
        assertEquals(List.of("backward"), PhaseWords.phases("when I tried to run the fine-tuning command, the process "
                + "exits with an out of memory error for the backward pass."));
        // meta-llama/llama-cookbook#37
        assertEquals(List.of("backward"), PhaseWords.phases("Why does the backward pass consume more than 18*8 = 144GB "
                + "GPU memory for such few parameters?"));
        // qwopqwop200/GPTQ-for-LLaMa#160: the host killed the process once the weights were in
        assertEquals(List.of("load"), PhaseWords.phases("I try running your suggested command line and it just says "
                + "killed after the model loads. wsl2 ubuntu 18"));
    }

    @Test
    void anImageGenerationUiRunsInference() {
        // Comfy-Org/ComfyUI#13112 (development part): a HIP out-of-memory under ComfyUI on a Radeon card
        io.oomdoc.corpus.Case c = io.oomdoc.corpus.Corpus.inAll("comfyui-13112-hip-oom-9070xt-13gib-free").orElseThrow();
        assertEquals(List.of("generation"), PhaseWords.phases(c.withDescription()));
    }

    @Test
    void negatedAndFrameWordsDoNotCount() {
        assertEquals(List.of(), PhaseWords.phases("it does not happen during validation, only in training"));
        // a frame line says "in forward"; frames are read by the trace analyzer, not as words
        assertEquals(List.of(), PhaseWords.phases("  File \"lib/python3.9/site-packages/torch/nn/modules/linear.py\", "
                + "line 116, in forward"));
    }

    @Test
    void statedPhaseWinsOverTheLearnedGuess() {
        // NVIDIA/NeMo#828: a killed DataLoader worker is the loader, whatever the learned model guesses
        String text = "When I train the model with librispeech 100h, it only cost 36G memory, but with the bigger "
                + "dataset, it cost 200+G memory, making the error \"RuntimeError: DataLoader worker is killed by "
                + "signal: Killed.\".";
        var e = new Diagnoser().evidence(LogText.of(text), null, Facts.EMPTY, null, null, null,
                new java.util.ArrayList<>());
        FeatureVector x = new FeatureExtractor().extract(e);
        assertEquals("dataloader", Reasoner.stated(x, "unknown"));
        // a frame outranks words; among several stated phases the learned one breaks the tie
        FeatureVector both = FeatureVector.builder().flag("frame-phase:backward").flag("words-phase:load").build();
        assertEquals("backward", Reasoner.stated(both, "unknown"));
        FeatureVector two = FeatureVector.builder().flag("words-phase:load").flag("words-phase:startup").build();
        assertEquals("startup", Reasoner.stated(two, "startup"));
        assertEquals("unknown", Reasoner.stated(FeatureVector.builder().build(), "unknown"));
    }

    @Test
    void loaderWordsDoNotMoveAModelsForwardIntoTheLoader() {
        // h200/oom_lightning.log: Lightning's "consider increasing num_workers" warning beside a GPT-2 MLP frame
        FeatureVector x = FeatureVector.builder().flag("frame-phase:forward").flag("words-phase:dataloader").build();
        assertEquals("forward", Reasoner.stated(x, "unknown"));
    }

    @Test
    void aForwardFrameInsideAnInferenceIsTheGeneration() {
        // huggingface/diffusers#4166: the innermost frame is the attention forward, the words say it failed on
        // inference of a diffusion model (DeepFloyd IF); the forward ran inside the denoising loop. "Inference"
        // alone states no phase: the learned phase reads it with the model kind (ModelKindPhaseTest)
        String text = io.oomdoc.corpus.Corpus.inAll("diffusers-4166-deepfloyd-if-attention-1536gib").orElseThrow()
                .paste();
        var e = new Diagnoser().evidence(LogText.of(text), null, Facts.EMPTY, null, null, null,
                new java.util.ArrayList<>());
        FeatureVector x = new FeatureExtractor().extract(e);
        assertEquals(true, x.values().containsKey("frame-phase:forward"), x.values().keySet().toString());
        assertEquals("generation", Reasoner.bundled().conclude(e).phase());
        // with nothing else said, a forward frame stays forward unless the learned phase is generation or eval
        FeatureVector bare = FeatureVector.builder().flag("frame-phase:forward").build();
        assertEquals("forward", Reasoner.stated(bare, "unknown"));
        assertEquals("generation", Reasoner.stated(bare, "generation"));
    }

    @Test
    void trainingOrInferenceWordsAreReadByThePhaseModelOnly() {
        assertEquals(true, Reasoner.phaseOnly("cue:phase-training"));
        assertEquals(true, Reasoner.phaseOnly("cue:not-phase-inference"));
        assertEquals(false, Reasoner.phaseOnly("cue:training"));
        assertEquals(false, LinearModel.resource(Reasoner.CATEGORY_WEIGHTS).knows("cue:phase-training"));
        assertEquals(true, LinearModel.resource(Reasoner.PHASE_WEIGHTS).knows("cue:phase-training"));
    }

    @Test
    void aLlamaCppFrontEndProcessingThePromptIsGenerating() {
        // LostRuins/koboldcpp#1711: the prefill of a 12,710-token prompt, in 512-token batches
        assertEquals(List.of("generation"), PhaseWords.phases("Processing Prompt [BLAS] (512 / 12710 tokens)CUDA "
                + "error: out of memory\n  current device: 0, in function alloc at ggml-cuda.cu:457"));
    }

    @Test
    void luaTorchFailingWhileItsModulesLoadIsStartingUp() {
        // torch/cutorch#441: cutorch sets the device up inside require(), before the script's first tensor
        assertEquals(List.of("startup"), PhaseWords.phases("THCudaCheck FAIL file=/tmp/luarocks_cutorch-scm-1-3218/"
                + "cutorch/lib/THC/THCGeneral.c line=176 error=2 : out of memory\nstack traceback:\n        [C]: in "
                + "function 'error'\n        /home/user/torch/install/share/lua/5.1/trepl/init.lua:384: in function "
                + "'require'\n        neural_style.lua:2: in main chunk"));
        // soumith/dcgan.torch#65: the failure is in cutorch's own init.c
        assertEquals(List.of("startup"), PhaseWords.phases("THCudaCheck FAIL file=/tmp/luarocks_cutorch-scm-1-28/"
                + "cutorch/init.c line=261 error=2 : out of memory"));
    }

    @Test
    void aChineseReportLoadingTheModelNamesTheLoad() {
        // OpenBMB/CPM-Bee#92: "the program was killed while loading the model"
        assertEquals(List.of("load"),
                PhaseWords.phases("执行“python text_generation_hf.py”时，程序在加载模型中被kill了"));
        // Lisennlp/distributed_train_pytorch#3: "the master node can load the model fine" is no failure at the load
        assertEquals(List.of(), PhaseWords.phases("master node 可以顺利加载模型"));
    }

    @Test
    void llamaCppFailingToPlaceItsWeightsIsTheLoadAndItsKvCacheIsNot() {
        // janhq/jan#4953: the weights' buffer (the KV cache comes later, when the context is made)
        assertEquals(List.of("load"), PhaseWords.phases("ggml_backend_cuda_buffer_type_alloc_buffer: allocating "
                + "7203.17 MiB on device 0: cudaMalloc failed: out of memory\n - llama_engine.cc:533"));
        // abetlen/llama-cpp-python#1944: the same allocator line, for the KV cache
        assertEquals(List.of(), PhaseWords.phases("ggml_backend_cuda_buffer_type_alloc_buffer: allocating 204800.00 "
                + "MiB on device 0: cudaMalloc failed: out of memory\n   llama_kv_cache_init: failed to allocate "
                + "buffer for kv cache"));
    }

    @Test
    void notEvenSimpleCommandsRunningIsTheStart() {
        // jax-ml/jax#16078: the card fails before any real work
        assertEquals(List.of("startup"), PhaseWords.phases("Reproducing this is quite easy since I could not even get "
                + "simple commands to run."));
    }

    @Test
    void aServingEngineThatCannotWarmUpIsStartingUp() {
        // huggingface/text-generation-inference#563
        assertEquals(List.of("startup"), PhaseWords.phases("thread 'main' panicked at 'Unable to warmup model: "
                + "Generation(\"Allocation on device 0 would exceed allowed memory. (out of memory)"));
        // predibase/lorax#316
        assertEquals(List.of("startup"), PhaseWords.phases("However, as soon as I set this value higher, the server "
                + "can not get past \"warming up model\"."));
        // huggingface/text-generation-inference#2744: a warm-up that succeeded is not where the memory ran out
        assertEquals(List.of(), PhaseWords.phases("From the logs we see that warmup phase succeeded finding the right "
                + "`max_batch_total_tokens`"));
    }

    @Test
    void whatTheReporterWasRunningNamesThePhase() {
        // salesforce/progen#45
        assertEquals(List.of("generation"), PhaseWords.phases("I'm trying to generate a number of sequences with "
                + "sample.py, so I set the --num-samples parameter to 100."));
        // YYuX-1145/Bert-VITS2-Integration-package#9: "after inferring a text of more than 512 characters"
        assertEquals(List.of("generation"), PhaseWords.phases("推理超过512个字符的文本后会报错"));
        // JinheonBaek/RGCN#3
        assertEquals(List.of("eval"), PhaseWords.phases("No errors are printed out, but the server will be killed "
                + "when executing the valid function at line 80"));
    }

    @Test
    void aPrepositionInsideAWordNamesNoMoment() {
        // Yochengliu/Relation-Shape-CNN#17: "train loss" holds "in loss", which is not "in the loss function"
        assertEquals(List.of(), PhaseWords.phases("[epoch   1:   0/499] \t train loss: 5.119819 \t lr: 0.00100"));
    }

    @Test
    void theMomentNamedAsWhatFailedGivesThePhase() {
        // rtqichen/torchdiffeq#54: the forward completes, the backward runs out
        assertEquals(List.of("backward"), PhaseWords.phases("the forward completes and the backward pass runs out of "
                + "memory."));
        // deepbeepmeep/HunyuanVideoGP#8 (corpus_heldout9): the issue's title
        assertEquals(List.of("generation"), PhaseWords.phases("Generation failed\n\nThank you very much for this "
                + "practical solution"));
        // PaddlePaddle/PaddleNLP#5426
        assertEquals(List.of("eval"), PhaseWords.phases("Add `eval_accumulation_steps`  fix the eval OOM problem."));
    }

    @Test
    void aPredictionRunOnItsOwnIsAnOfflineForward() {
        // Imageomics/pybioclip#145 (corpus_heldout9): a classifier over 10,000 images, not a validation pass
        assertEquals(List.of("forward"), PhaseWords.phases("GPU OOM during prediction"));
        // jwohlwend/boltz#106 (corpus_heldout9): a structure predictor
        assertEquals(List.of("forward"), PhaseWords.phases("Getting out of memory errors with Boltz-1 version 0.3.2 "
                + "when predicting protein with ~2300 residues."));
    }

    @Test
    void validationNamedAsItStartsOrRunsIsTheEval() {
        // swc-17/SparseDrive#66: "but in the model's validation stage, memory grows abnormally"
        assertEquals(List.of("eval"), PhaseWords.phases("但是在模型验证阶段，内存会异常增大，甚至导致out of memory"));
        // lhoyer/HRDA#27 (its description in corpus_heldout5)
        assertEquals(List.of("eval"), PhaseWords.phases("training runs, then memory rises when the periodic evaluation "
                + "starts and the run crashes."));
    }

    @Test
    void theLogsOwnTestingBannerBeforeTheFailureIsTheEval() {
        // amitshaked/resmatch#5 (corpus_heldout9): Lua Torch logs "===> testing..." after epoch 11, then fails
        assertEquals(List.of("eval"), PhaseWords.phases("> train epoch 11   err 0.100179   lr 0.003\n> \n> ===> testing..."
                + "\n> THCudaCheck FAIL file=/home/jack/torch/extra/cutorch/lib/THC/generic/THCStorage.cu line="));
    }

    @Test
    void aVariablesInitializerNodeIsTheLoad() {
        // dBeker/Faster-RCNN-TensorFlow-Python3#110 (corpus_heldout9): VGG's fc6 weights created on the GPU
        assertEquals(List.of("load"), PhaseWords.phases("ResourceExhaustedError: OOM when allocating tensor with "
                + "shape[25088,4096] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator "
                + "GPU_0_bfc\n\t [[Node: vgg_16/fc6/weights/Initializer/random_uniform/RandomUniform = "
                + "RandomUniform[T=DT_INT32, _class=[\"loc:@vgg_16/fc6/weights/Assign\"], dtype=DT_FLOAT]]"));
    }

    @Test
    void aRuntimeThatCannotInitialiseOrAModelBeingDeployedIsTheStart() {
        // mindspore-lab/mindyolo#236 (corpus_heldout9)
        assertEquals(List.of("startup"), PhaseWords.phases("RuntimeError: Ascend kernel runtime initialization failed. "
                + "The details refer to 'Ascend Error Message'."));
        // microsoft/DeepSpeed-MII#103 (corpus_heldout9)
        assertEquals(List.of("startup"), PhaseWords.phases("OOM Error when deploying BLOOM-3B on 16GB GPU via MII"));
    }

    @Test
    void aPromptBeingRunIsGeneration() {
        // jjang-ai/vmlx#58 (its description in corpus_heldout9): a Metal insufficient-memory abort on a prompt
        assertEquals(List.of("generation"), PhaseWords.phases("Running a 4-bit 35B mixture-of-experts Qwen model in "
                + "the vMLX app on an M1 Max with 64 GB; a prompt aborts with a Metal insufficient-memory error"));
    }

    /**
     * Parsed afresh, not through the cache the feature uses: one row per data line of model/phase-words.tsv, its
     * phase the text before the tab (a DESIGN.md phase name), its pattern the text after it.
     */
    @Test
    void thePhraseTableParsedFromItsTextKeepsEveryRowWithItsPhaseAndPattern() throws Exception {
        String text = new String(getClass().getClassLoader().getResourceAsStream("model/phase-words.tsv")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        List<PhaseWords.Row> rows = PhaseWords.read(new java.io.ByteArrayInputStream(text.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        List<String> lines = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(lines.size(), rows.size());
        var phases = java.util.Set.of("startup", "load", "dataloader", "forward", "backward", "optimizer_step", "eval",
                "generation");
        for (int i = 0; i < rows.size(); i++) {
            String line = lines.get(i);
            assertEquals(line.substring(0, line.indexOf('\t')), rows.get(i).phase(), line);
            assertEquals(line.substring(line.indexOf('\t') + 1), rows.get(i).pattern().pattern(), line);
            org.junit.jupiter.api.Assertions.assertTrue(phases.contains(rows.get(i).phase()), line);
        }
    }

    @Test
    void aMissingPhraseTableIsSaidByName() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> PhaseWords.read(null));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("model/phase-words.tsv"), e.getMessage());
    }

    @Test
    void aLlamaCppRunnerThatFailsToLoadTheModelIsInTheLoad() {
        // Mozer/talk-llama-fast#34
        assertEquals(List.of("load"), PhaseWords.phases("llama_model_load: error loading model: unable to allocate "
                + "backend buffer"));
        // likelovewant/ollama-for-amd#17 (corpus_heldout10; burned, read in phase11)
        assertEquals(List.of("load"), PhaseWords.phases("Error: llama runner process has terminated: error loading "
                + "model: unable to allocate backend buffer"));
    }

    @Test
    void tryingToDeployAServerIsTheStart() {
        // imoneoi/openchat#107 (corpus_heldout11; burned, read in phase11)
        assertEquals(List.of("startup"), PhaseWords.phases("While trying to deploy the server with: "
                + "```python -m ochat.serving.openai_api_server --model openchat/openchat_3.5```,"));
    }

    @Test
    void aDataPreprocessingStepNamedAsWhatRanIsTheDataloader() {
        // starmpcc/UniFL#2 (corpus/train14.jsonl): the data-preprocessing step is terminated before any training
        assertEquals(List.of("dataloader"), PhaseWords.phases(text(TRAINABLE,
                "unifl-2-preprocess-killed-ehr", true)));
    }

    @Test
    void aModelBeingInitialisedIsTheLoad() {
        // stefanknegt/Probabilistic-Unet-Pytorch#2 (corpus/train15.jsonl): the segfault comes while the model is
        // being initialised
        assertEquals(List.of("load"), PhaseWords.phases(text(TRAINABLE,
                "prob-unet-2-segfault-model-init-no-cudnn", true)));
    }

    @Test
    void aTestScriptRunAsTheMomentIsTheEvaluation() {
        // Li-Chongyi/Zero-DCE#52 (corpus_heldout17): running the test script of the enhancement network fails
        assertEquals(List.of("eval"), PhaseWords.phases(text(TRAINABLE,
                "zero-dce-52-test-1-71gib", true)));
    }

    @Test
    void theGerundForProducingTheOutputIsTheGeneration() {
        // Wan-Video/Wan2.1#132: the pipeline's own log line before the sampling bar and the kill
        assertEquals(List.of("generation"), PhaseWords.phases("INFO: Generating video ...\n100%|###| 40/40"));
        // TavernAI/TavernAI-v1#15: "After some time it just stops generating answers and does this"
        assertEquals(List.of("generation"), PhaseWords.phases("After some time it just stops generating answers"));
    }

    @Test
    void anEngineThatFailsAtStartOrCannotStartIsTheStartup() {
        // QwenLM/Qwen3#12 (corpus/serving.jsonl): the vLLM server "fails at engine start" with no memory for the
        // cache blocks
        assertEquals(List.of("startup"), PhaseWords.phases(text(io.oomdoc.corpus.Corpus.all(),
                "qwen3-12-qwen15-14b-v100-cache-blocks-zh", true)));
    }

    @Test
    void aServerFailingUnderLoadOrOnARequestIsGenerating() {
        // InternLM/lmdeploy#684 (corpus/serving.jsonl): "under continuous load GPU memory rises slowly until out of
        // memory"
        assertEquals(List.of("generation"), PhaseWords.phases(text(io.oomdoc.corpus.Corpus.all(),
                "lmdeploy-684-llama2-70b-tp4-a100-40g-cache-entries", true)));
        // vulkano-rs/vulkano#172 (corpus_heldout24): examples "panic at startup" and "the card is not under load": no
        // request was served
        assertEquals(List.of("startup"), PhaseWords.phases(text(io.oomdoc.corpus.Corpus.heldout24(),
                "vulkano-172-lazily-allocated-depth-buffer", true)));
    }

    @Test
    void aContextTheDriverCouldNotCreateIsTheStartup() {
        // heterodb/pg-strom#400 (corpus_heldout27), the paste alone: "ERROR: failed on cuCtxCreate:
        // CUDA_ERROR_OUT_OF_MEMORY" with a hundred clients each opening a context
        assertEquals(List.of("startup"), PhaseWords.phases(text(TRAINABLE, "pg-strom-400-cuctxcreate-100-clients",
                false)));
        // cwpearson/stencil#11 (corpus_heldout21), the paste alone: "CUDA Runtime Error(46): all CUDA-capable devices
        // are busy or unavailable" on Summit
        assertEquals(List.of("startup"), PhaseWords.phases(text(TRAINABLE,
                "stencil-11-summit-error-46-busy-unavailable", false)));
    }

    @Test
    void aPagingFileTooSmallToMapTheFrameworksLibrariesIsTheStartup() {
        // yassouali/pytorch-segmentation#118 (corpus_heldout21), the paste alone: "[WinError 1455] ... Error loading
        // ...\torch\lib\caffe2_detectron_ops_gpu.dll", in Chinese
        assertEquals(List.of("startup"), PhaseWords.phases(text(TRAINABLE,
                "pytorch-segmentation-118-winerror-1455-paging-file", false)));
        // iperov/DeepFaceLab#5342 (corpus_heldout27), the paste alone: TensorFlow's "DLL load failed: The paging file
        // is too small for this operation to complete"
        assertEquals(List.of("startup"), PhaseWords.phases(text(TRAINABLE, "deepfacelab-5342-paging-file-saehd",
                false)));
    }
}
