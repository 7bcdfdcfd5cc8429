package io.oomdoc.budget;

import io.oomdoc.budget.Setup.Attention;
import io.oomdoc.budget.Setup.Checkpointing;
import io.oomdoc.budget.Setup.Mode;
import io.oomdoc.budget.Setup.Precision;
import io.oomdoc.budget.Setup.Quant;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-GPU peak memory of a transformer job, term by term.
 *
 * Model states follow the ZeRO / Hugging Face accounting (see knowledge M1, M9); activations follow
 * Korthikanti et al. 2022, s·b·h·(34 + 5·a·s/h) bytes per layer at 16 bits, adjusted for what autocast
 * keeps in fp32 (softmax, dropout output and layer-norm outputs stay fp32 under autocast, which turns
 * the coefficients into roughly 38 and 11).
 */
public final class BudgetEngine {
    /**
     * The CUDA context on a current stack: PyTorch sets CUDA_MODULE_LOADING=LAZY since 1.13 (pytorch/pytorch#86509),
     * so kernels load when first used; a context measured on PyTorch 2.10 / CUDA 13.0 takes 426 MiB in nvidia-smi
     * (unslothai/unsloth-zoo#1053), "around 400MB" for CUDA >= 11.7 (pytorch/pytorch#109888).
     */
    public static final long DEFAULT_CONTEXT = 426 * Bytes.MIB;
    /** CUDA context + every kernel loaded eagerly (CUDA < 11.7): 1343 MiB on a V100 with CUDA 11.2 (HF docs). */
    public static final long EAGER_LOADING_CONTEXT = 1343 * Bytes.MIB;
    /** Caching-allocator slack over live tensors; reserved runs several percent above allocated. */
    static final double ALLOCATOR_SLACK = 0.08;
    /** torchtune's losses split the tokens into num_output_chunks = 8 by default (torchtune/modules/loss). */
    static final int TORCHTUNE_OUTPUT_CHUNKS = 8;
    /**
     * DeepSpeed's stage3_max_live_parameters and stage3_max_reuse_distance, 1e9 each by default (DeepSpeed's config
     * docs; the Transformers DeepSpeed guide and LlamaFactory's ds_z3 configs write the same 1e9): a stage-3 rank
     * releases a gathered parameter only when it is not used again within 1e9 parameters of the module trace
     * (PartitionedParameterCoordinator.__params_to_release), and prefetches until 1e9 are live. So up to 1e9 16-bit
     * parameters stay gathered beside the shard, not one layer.
     */
    public static final long DEEPSPEED_LIVE_PARAMETERS = 1_000_000_000L;
    /** DeepSpeed's reduce_bucket_size when its config leaves it out (ZeRO config docs: 500,000,000 elements). */
    static final long DEEPSPEED_REDUCE_BUCKET = 500_000_000L;
    /** llama.cpp's default physical micro-batch (n_ubatch), which sizes its compute buffer. */
    static final int LLAMA_CPP_UBATCH = 512;

    public Budget estimate(Setup s, Long gpuBytes) {
        // Quantized weights do not train: bitsandbytes' Int8Params and Params4bit, and GPTQ/AWQ/fp8 checkpoints, hold
        // integer data with requires_grad False, so a quantized base without adapters can only be served. Its budget
        // is inference (quantized weights, KV cache, working set), not a full fine-tune of every parameter.
        boolean servedOnly = s.mode() == Mode.TRAIN && s.quant() != Quant.NONE && s.loraRank() <= 0;
        // FSDP has one offload switch: CPUOffload(offload_params=True) moves the gradients to the host with the
        // parameter shards, so the optimizer steps there (torch.distributed.fsdp's CPUOffload documentation); a
        // setup that names only the parameter offload under FSDP is the same run as one that names both
        boolean fsdpOffload = s.fsdp() && s.offloadParams() && !s.offloadOptimizer();
        if (fsdpOffload) s = s.toBuilder().offloadOptimizer(true).build();
        // and the other way round: FSDP has no optimizer-only offload, so a full shard told to offload (--fsdp
        // --offload) keeps its parameter shards in host RAM too
        boolean fsdpOptimizerOffload = s.fsdp() && s.zeroStage() >= 3 && s.offloadOptimizer() && !s.offloadParams();
        if (fsdpOptimizerOffload) s = s.toBuilder().offloadParams(true).build();
        Run r = new Run(servedOnly ? s.toBuilder().mode(Mode.INFER).build() : s);
        if (fsdpOffload && s.mode() == Mode.TRAIN) r.assumptions.add(AssumptionText.get("states.fsdpOffloadStates"));
        if (fsdpOptimizerOffload && s.mode() == Mode.TRAIN) {
            r.assumptions.add(AssumptionText.get("states.fsdpOffloadParams"));
        }
        if (servedOnly) r.assumptions.add(AssumptionText.get("serve.quantizedBase",
                s.quant().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        weights(r);
        modelStates(r);
        tokenTerms(r);
        contextPool(r);
        layerSplit(r);
        stepPeak(r);
        vllmPool(r, gpuBytes);
        return verdict(r, gpuBytes);
    }

    /**
     * One estimate: its inputs read once, and its terms as the steps fill them in, in estimate's order (a later step
     * reads what an earlier one wrote: the ZeRO-3 adapter shard the frozen weights, the step peak the activations).
     */
    private static final class Run {
        final Setup s;
        final ModelSpec m;
        final long P;
        final boolean train;
        final boolean lora;
        final int N;
        final List<String> assumptions = new ArrayList<>();
        final long trainable;
        final boolean pure; // bf16 or fp16 without an fp32 master copy
        long embedParams;
        long largestLinear;
        long frozenWeights;
        int adapterBytes;
        long weights;
        long grads;
        long opt;
        long act;
        long logits;
        long kv;
        long pool; // vLLM's pre-allocated share (0 when the server is not vLLM)
        long poolTokens;

        Run(Setup s) {
            this.s = s;
            m = s.model();
            P = m.params();
            train = s.mode() == Mode.TRAIN;
            lora = s.loraRank() > 0;
            N = Math.max(1, s.gpus());
            trainable = train ? (lora ? loraParams(m, s.loraRank(), s.loraTargets(), assumptions) : P) : 0;
            pure = s.precision() == Precision.BF16 || s.precision() == Precision.FP16;
        }
    }

    /** The weights as the card holds them (quantized base, fp32 master and autocast copy, or 16-bit) and adapters. */
    private static void weights(Run r) {
        Setup s = r.s;
        ModelSpec m = r.m;
        long P = r.P;
        boolean train = r.train, lora = r.lora, pure = r.pure;
        long trainable = r.trainable;
        List<String> assumptions = r.assumptions;
        long embedParams = m.hasArchitecture() && m.vocab() > 0
                ? (long) m.vocab() * m.hidden() * (m.tiedEmbeddings() ? 1 : 2) : 0;
        long largestLinear = m.hasArchitecture() ? (long) m.hidden() * Math.max(m.ffn(), m.hidden()) : 0;
        long weights;
        if (s.quant() == Quant.NF4 || s.quant() == Quant.INT8) {
            weights = bitsandbytesWeights(r, embedParams, largestLinear);
        } else if (s.quant().gguf() && m.hasArchitecture()) {
            weights = GgufWeights.bytes(m, s.quant());
            assumptions.add(AssumptionText.get("weights.gguf", s.quant().name(),
                    weights / (double) Math.max(1, P) * 8));
        } else if (s.quant() != Quant.NONE) {
            // GPTQ / AWQ / fp8 checkpoints quantize the decoder's linear layers; embeddings, lm_head and norms stay
            // 16-bit. Their kernels (exllama, Marlin, AWQ GEMM, fp8 GEMM) dequantize tile by tile: no full buffer.
            double q = groupQuantBytes(s.quant());
            long quantized = Math.max(0, P - embedParams);
            weights = Math.round(quantized * q) + 2 * (P - quantized);
            assumptions.add(AssumptionText.get("weights.group", s.quant().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'), q, weights / (double) Math.max(1, P)));
        } else {
            weights = Math.round(P * unquantizedBytes(r));
        }
        long frozenWeights = weights;
        // adapters: fp32 master under mixed precision, 16-bit under pure bf16/fp16 (litgpt bf16-true, torchtune)
        int adapterBytes = pure ? 2 : 4;
        if (lora) weights += trainable * adapterBytes;
        r.embedParams = embedParams;
        r.largestLinear = largestLinear;
        r.frozenWeights = frozenWeights;
        r.adapterBytes = adapterBytes;
        r.weights = weights;
    }

    /**
     * bitsandbytes quantizes the linear layers only: embeddings, lm_head and norms stay 16-bit. NF4 + fp32 absmax per
     * 64-block; LLM.int8 outliers in fp16. Double quantization stores each absmax in 8 bits with one fp32 constant per
     * 256 of them (bitsandbytes' compress_statistics: QLoRA paper, 3.4).
     */
    private static long bitsandbytesWeights(Run r, long embedParams, long largestLinear) {
        Setup s = r.s;
        ModelSpec m = r.m;
        long P = r.P;
        double q = s.quant() != Quant.NF4 ? 1.05 : s.doubleQuant() ? 0.5 + 1.0 / 64 + 4.0 / (64 * 256)
                : 0.5 + 4.0 / 64;
        long quantized = Math.max(0, P - embedParams);
        // PEFT's prepare_model_for_kbit_training casts every parameter bitsandbytes left unquantized to fp32
        int restBytes = s.kbit() == Setup.Kbit.PEFT_FP32 ? 4 : 2;
        long rest = P - quantized;
        // a quantized lm_head (litgpt through Fabric's BitsandbytesPrecision) is one more 4-bit linear, beside
        // the input embedding, which stays 16-bit and untied (litgpt copies a tied wte into lm_head)
        long head = s.headQuantized() && m.hasArchitecture() ? (long) m.vocab() * m.hidden() : 0;
        if (head > 0) {
            quantized += head;
            rest = head;
        }
        long weights = Math.round(quantized * q) + restBytes * rest;
        double wBytes = weights / (double) Math.max(1, P);
        String kind = AssumptionText.get(s.quant() == Quant.NF4 ? "weights.kbit.nf4" : "weights.kbit.int8");
        r.assumptions.add(AssumptionText.get(head > 0 ? "weights.kbit.withHead" : "weights.kbit", kind, q,
                restBytes == 4 ? "fp32" : "16-bit", wBytes));
        // each quantized matmul dequantizes its weight into a 16-bit buffer; the largest one (and its backward
        // twin) is live at the peak. A quantized lm_head is the largest linear of a large vocabulary.
        long dequantized = Math.max(largestLinear, head);
        if (head > 0) r.assumptions.add(AssumptionText.get("weights.kbit.head", Bytes.human(4L * dequantized)));
        return dequantized > 0 ? weights + 2L * 2 * dequantized : weights;
    }

    /** Bytes per parameter of an unquantized model: fp32, 16-bit, or mixed precision's fp32 master + 16-bit copy. */
    private static double unquantizedBytes(Run r) {
        Setup s = r.s;
        boolean full = r.train && !r.lora;
        if (s.precision() == Precision.FP32) return 4;
        if (s.precision().mixed() && full) {
            // FSDP's full shard says what it keeps itself (states.fsdpMixed): no fp32 copy beside a 16-bit one
            if (!(s.fsdp() && s.zeroStage() >= 3)) r.assumptions.add(AssumptionText.get("weights.mixed"));
            return 6;
        }
        if (r.pure && full) r.assumptions.add(AssumptionText.get("weights.pure",
                s.precision().name().toLowerCase(Locale.ROOT)));
        return 2;
    }

    /**
     * Bytes a quantized linear weight takes in a group-wise checkpoint. GPTQ (AutoGPTQ / GPTQModel, as vLLM loads it)
     * packs bits/8 B a weight into int32 qweight, with an fp16 scale and a packed zero point per output channel and
     * group of 128 inputs (qweight, scales, qzeros; g_idx adds 4 B per input row, under 0.1%); AWQ's GEMM layout holds
     * the same three tensors. fp8 holds one byte a weight and one fp32 scale per tensor.
     */
    static double groupQuantBytes(Quant q) {
        int group = 128;
        return switch (q) {
            case GPTQ, AWQ -> 0.5 + 2.0 / group + 0.5 / group;
            case GPTQ_INT8 -> 1 + 2.0 / group + 1.0 / group;
            case FP8 -> 1;
            // a GGUF model of unknown shape: its file type's block size for every weight (GgufWeights has the rest)
            case Q8_0 -> 34.0 / 32;
            case Q4_0, Q4_K_M -> 18.0 / 32;
            default -> q.gguf() ? GgufWeights.baseBitsPerWeight(q) / 8 : 2;
        };
    }

    /** Gradients and optimizer states of the trainable parameters, and what ZeRO, FSDP or offload moves or splits. */
    private static void modelStates(Run r) {
        r.grads = 0;
        r.opt = 0;
        if (!r.train) return;
        Setup s = r.s;
        perParameterStates(r);
        shardedOrOffloaded(r);
        if (s.zeroStage() > 0 && !s.fsdp()) r.grads += gradientBuckets(s, r.m, r.assumptions);
        if (s.optimizerInBackward() && !s.offloadOptimizer()) {
            // torchtune's optimizer_in_bwd steps each parameter from its post-accumulate-grad hook and frees its
            // gradient there (torchtune/modules/optim.py, OptimizerInBackward): one tensor's gradient is live at a
            // time, sharded like the rest under FSDP
            long one = (r.pure ? 2L : 4L) * largestTrainable(s, r.m, r.P) / (s.zeroStage() >= 2 ? r.N : 1);
            if (one < r.grads) r.assumptions.add(AssumptionText.get("states.optimizerInBackward",
                    Bytes.human(r.grads), Bytes.human(one)));
            r.grads = Math.min(r.grads, one);
        }
        if (r.lora && s.savedModuleParams() > 0) {
            long[] saved = savedModules(s, r.N);
            r.weights += saved[0];
            r.grads += saved[1];
            r.opt += saved[2];
            r.assumptions.add(AssumptionText.get("states.savedModules", s.savedModuleParams() / 1e6,
                    Bytes.human(saved[0] + saved[1] + saved[2])));
        }
    }

    /** Gradients and optimizer states of what trains, unsharded: bytes per trainable parameter. */
    private static void perParameterStates(Run r) {
        Setup s = r.s;
        int gradBytes = r.pure ? 2 : 4;
        r.grads = r.trainable * gradBytes;
        double optBytes = s.optimizer().stateBytes(r.pure, r.lora);
        r.opt = Math.round(r.trainable * optBytes);
        r.assumptions.add(AssumptionText.get("states.perParam", gradBytes,
                s.optimizer().name().toLowerCase(Locale.ROOT).replace('_', '-'), optBytes));
        // left out, torch's AdamW is an assumption the estimate states (QLoRA recipes page theirs)
        if (s.optimizerAssumed() && r.trainable > 0) r.assumptions.add(AssumptionText.get("states.optimizerAssumed"));
    }

    /**
     * ZeRO / FSDP: DeepSpeed's own estimator, which counts the fp32 master weights and fp32 gradient copy with the
     * partitioned optimizer state: 16 B/param split over N, plus the 16-bit params and grads that stay whole (stages
     * 1-2) or the largest layer gathered (stage 3); offload moves states to host RAM. With adapters only what trains
     * is partitioned below stage 3.
     */
    private static void shardedOrOffloaded(Run r) {
        Setup s = r.s;
        if (s.offloadOptimizer() && !r.lora) {
            fullOffload(r);
        } else if (s.zeroStage() >= 3 && r.lora && r.N > 1) {
            shardedAdapters(r);
        } else if (s.offloadOptimizer()) {
            // ZeRO-Offload with adapters: their optimizer states and fp32 gradients go to host RAM like a full
            // model's; the frozen base stays where it is (unsharded below stage 3)
            r.grads = 0;
            r.opt = 0;
            r.assumptions.add(AssumptionText.get("states.cpuOffloadAdapters"));
        } else if (s.zeroStage() > 0 && r.lora && r.N > 1) {
            // ZeRO-1 / FSDP SHARD_GRAD_OP partition the optimizer states of whatever trains (the adapters here),
            // stage 2 their gradients too; the frozen base is not sharded below stage 3
            r.opt = r.opt / r.N;
            if (s.zeroStage() == 2) r.grads = r.grads / r.N;
            r.assumptions.add(AssumptionText.get("states.zeroAdapters", s.zeroStage(), r.N));
        } else if (s.zeroStage() > 0 && !r.lora) {
            Shares sh = shardedFullStates(s, r.m, r.P, r.N, r.trainable, s.optimizer().stateBytes(r.pure, r.lora),
                    r.pure, r.assumptions);
            r.weights = sh.weights();
            r.grads = sh.grads();
            r.opt = sh.opt();
        }
    }

    /**
     * ZeRO-Offload: optimizer state, fp32 master weights and gradients live in host RAM; DeepSpeed's estimators leave
     * 2·P (the 16-bit parameters) on the GPU at stages 1-2, and at stage 3 the 16-bit shard plus
     * largest_layer_memory, 4 B per parameter of the largest layer being gathered (its parameters and gradients);
     * with offload_param the shard goes to the host too (estimate_zero3_model_states_mem_needs in
     * deepspeed/runtime/zero/stage3.py). What DeepSpeed really keeps gathered is its live parameters
     * (deepSpeedGathered); FSDP one unit.
     */
    private static void fullOffload(Run r) {
        Setup s = r.s;
        if (s.fsdp() && s.zeroStage() >= 3 && s.offloadParams()) {
            fsdpParamOffload(r);
            return;
        }
        long gathered = s.zeroStage() >= 3 && !s.fsdp()
                ? deepSpeedGathered(r.m, r.P, 2, liveParameters(s, r.assumptions))
                : 4L * largestLayer(r.m, r.P);
        r.weights = s.zeroStage() < 3 ? 2L * r.P : (s.offloadParams() ? 0 : 2L * r.P / r.N) + gathered;
        if (s.zeroStage() >= 3 && s.offloadParams()) {
            r.assumptions.add(AssumptionText.get("states.paramOffload", Bytes.human(gathered)));
        }
        r.grads = 0;
        r.opt = 0;
        r.assumptions.add(AssumptionText.get("states.cpuOffload", Bytes.human(18L * r.trainable)));
    }

    /**
     * FSDP full shard of a full fine-tune with the parameter shards in host RAM: the GPU holds the wrapped units being
     * gathered and their gradients until the reduce-scatter (FsdpUnits), in the dtype the units compute in, 16-bit
     * under FSDP's mixed precision and pure 16-bit, fp32 otherwise; shards, gradients and optimizer live on the host.
     */
    private static void fsdpParamOffload(Run r) {
        FsdpUnits u = FsdpUnits.of(r.m, r.P);
        int b = r.s.precision() == Precision.FP32 ? 4 : 2;
        r.weights = b * u.gathered();
        r.grads = b * u.gradients();
        r.opt = 0;
        r.assumptions.add(AssumptionText.get("states.fsdpParamOffload", Bytes.human(r.weights),
                Bytes.human(r.grads)));
    }

    /** ZeRO-3 / FSDP full shard with adapters: the frozen base is sharded too; the units being gathered stay whole. */
    private static void shardedAdapters(Run r) {
        Setup s = r.s;
        ModelSpec m = r.m;
        long gathered = m.hasArchitecture() ? 2L * 2 * Math.max(r.embedParams / (m.tiedEmbeddings() ? 1 : 2),
                3L * r.largestLinear) : 2L * r.P / 25;
        // DeepSpeed keeps its live parameters gathered, each in the bytes the frozen base stores it in
        if (!s.fsdp()) gathered = Math.max(gathered, deepSpeedGathered(m, r.P, r.frozenWeights / (double) r.P,
                liveParameters(s, r.assumptions)));
        r.weights = r.frozenWeights / r.N + gathered + r.trainable * r.adapterBytes / r.N;
        r.grads = r.grads / r.N;
        r.opt = r.opt / r.N;
        r.assumptions.add(AssumptionText.get("states.shardedAdapters", r.N, Bytes.human(gathered)));
        if (s.offloadParams()) {
            // parameter offload (FSDP's CPUOffload(offload_params=True), ZeRO-3 offload_param) keeps every shard,
            // the frozen 4-/16-bit base's and the adapters', in host RAM and copies a unit in only to gather it:
            // the GPU keeps the gathered units, not the shards
            r.weights = gathered;
            r.assumptions.add(AssumptionText.get("states.paramOffloadAdapters", Bytes.human(r.frozenWeights / r.N)));
        }
        if (s.offloadOptimizer()) {
            r.grads = 0;
            r.opt = 0;
            r.assumptions.add(AssumptionText.get("states.cpuOffloadAdapters"));
        }
    }

    /**
     * PEFT's modules_to_save: ModulesToSaveWrapper keeps the frozen original and trains a deep copy, in the dtype the
     * model was loaded in (PEFT upcasts adapter layers to fp32, not these copies). The copy's gradients and torch
     * AdamW's two moments (zeros_like the parameter) follow that dtype; a DeepSpeed ZeRO optimizer with bf16/fp16 on
     * keeps an fp32 master and fp32 moments of whatever trains instead (4 + 8 B). ZeRO splits the states from stage
     * 1, the gradients from stage 2, the copies themselves at stage 3. Weights, gradients and optimizer bytes, in that
     * order.
     */
    private static long[] savedModules(Setup s, int N) {
        long p = s.savedModuleParams();
        int b = s.precision() == Precision.FP32 ? 4 : 2;
        boolean master = s.zeroStage() > 0 && !s.fsdp() && b == 2;
        double optBytes = s.optimizer().adam() ? (master ? 12 : 2.0 * b) : master ? 4 : 0;
        if (s.offloadOptimizer()) return new long[]{p * b / (s.zeroStage() >= 3 ? N : 1), 0, 0};
        long weights = p * b / (s.zeroStage() >= 3 ? N : 1);
        long grads = p * b / (s.zeroStage() >= 2 ? N : 1);
        long opt = Math.round(optBytes * p / (s.zeroStage() >= 1 ? N : 1));
        return new long[]{weights, grads, opt};
    }

    /**
     * The gradient buckets a DeepSpeed ZeRO optimizer allocates whole, whatever the model's size, with
     * contiguous_gradients (on by default): at stages 1-2 each backward takes torch.empty(reduce_bucket_size) in the
     * gradients' dtype, and a second one under overlap_comm for double buffering (DeepSpeedZeroOptimizer.backward,
     * deepspeed/runtime/zero/stage_1_and_2.py); stage 3 keeps one such flat buffer from its start
     * (__ipg_bucket_flat_buffer, stage3.py). DeepSpeed's own default is 5e8 elements, 1 GB at 16 bits each; the HF
     * Trainer's "auto" writes hidden x hidden, a few MiB. Counted where the run states its size; not counted
     * otherwise, and said in one line with what DeepSpeed's default would add (on the development sets, 5e8 taken
     * for every unstated run was worse than leaving it out: most of those runs went through the Trainer).
     */
    static long gradientBuckets(Setup s, ModelSpec m, List<String> assumptions) {
        int bytes = s.precision() == Precision.FP32 ? 4 : 2;
        int buffers = s.zeroStage() < 3 && s.overlapComm() ? 2 : 1;
        if (s.reduceBucket() > 0) {
            long b = buffers * s.reduceBucket() * bytes;
            assumptions.add(AssumptionText.get("states.buckets", String.format(Locale.ROOT, "%.3g",
                    (double) s.reduceBucket()), buffers, Bytes.human(b)));
            return b;
        }
        long auto = m.hasArchitecture() ? (long) m.hidden() * m.hidden() * buffers * bytes : 0;
        assumptions.add(AssumptionText.get("states.buckets.unstated", Bytes.human(auto),
                Bytes.human(buffers * DEEPSPEED_REDUCE_BUCKET * bytes)));
        return 0;
    }

    /** The largest single tensor that trains: a LoRA B or A matrix of the widest layer, or the largest layer. */
    static long largestTrainable(Setup s, ModelSpec m, long params) {
        if (s.loraRank() > 0 && m.hasArchitecture()) return (long) s.loraRank() * Math.max(m.ffn(), m.hidden());
        return largestLayer(m, params);
    }

    /**
     * What a DeepSpeed ZeRO-3 rank holds gathered beyond its shard: the live parameters (liveCap, or the whole model
     * when it is smaller), at bytesPerParam each, and the 16-bit gradient of the unit being reduced.
     */
    static long deepSpeedGathered(ModelSpec m, long params, double bytesPerParam, long liveCap) {
        long unit = largestLayer(m, params);
        long live = Math.min(params, Math.max(liveCap, unit));
        return Math.round(bytesPerParam * live) + 2L * unit;
    }

    /**
     * The live-parameter cap a DeepSpeed stage-3 rank runs under: the run's stage3_max_live_parameters where it sets
     * one, DeepSpeed's default otherwise; either is said once in the estimate. A cap above the model's size
     * (h2o-llmstudio's 1e10 for Pythia 6.9B) keeps every parameter gathered once the first step has touched it.
     */
    private static long liveParameters(Setup s, List<String> assumptions) {
        boolean unset = s.liveParameters() == Setup.LIVE_PARAMETERS_UNSET;
        // 0 is a setting, not the default: DeepSpeed then releases each module's parameters once it has run (and
        // with stage3_prefetch_bucket_size 0 fetches none ahead), so one module is gathered at a time
        String said = unset ? AssumptionText.get("states.liveParameters.default")
                : s.liveParameters() == 0 ? AssumptionText.get("states.liveParameters.zero")
                : AssumptionText.get("states.liveParameters", String.format(Locale.ROOT, "%.3g",
                (double) s.liveParameters()));
        if (!assumptions.contains(said)) assumptions.add(said);
        return unset ? DEEPSPEED_LIVE_PARAMETERS : s.liveParameters();
    }

    /** Model states of a sharded full fine-tune (ZeRO 1-3 / FSDP) per GPU. */
    private record Shares(long weights, long grads, long opt) { }

    /** The unit a stage-3 rank gathers whole: the largest single parameter tensor, the embedding or one MLP matrix. */
    static long largestLayer(ModelSpec m, long params) {
        return m.hasArchitecture() ? Math.max((long) m.vocab() * m.hidden(), (long) m.hidden() * m.ffn())
                : params / 50;
    }

    /** Full fine-tune under ZeRO / FSDP: what each GPU keeps of weights, gradients and optimizer states. */
    private static Shares shardedFullStates(Setup s, ModelSpec m, long P, int N, long trainable, double optBytes,
            boolean pure, List<String> assumptions) {
        if (pure) return pure16Shards(s, m, P, N, trainable, optBytes, assumptions);
        if (s.precision() == Precision.FP32) {
            // fp32 training under ZeRO/FSDP: the parameters are the master weights (4 B), so there is no 16-bit
            // copy and no separate master to partition; the optimizer's own states split over N (stage >= 1),
            // the fp32 gradients from stage 2, the parameters at stage 3 (the gathered unit stays whole).
            long weights = s.zeroStage() >= 3 ? 4L * P / N + 8L * largestLayer(m, P) : 4L * P;
            long grads = s.zeroStage() >= 2 ? 4L * trainable / N : 4L * trainable;
            assumptions.add(AssumptionText.get("states.fp32Zero." + Math.min(3, s.zeroStage()), N, N));
            return new Shares(weights, grads, Math.round(optBytes * trainable / N));
        }
        return mixedShards(s, m, P, N, trainable, optBytes, assumptions);
    }

    /**
     * Pure 16-bit sharded training (FSDP over a bf16 module: litgpt's bf16-true, HF Trainer with torch_dtype bf16 and
     * no --bf16): no fp32 copy exists to partition. torch.optim.AdamW allocates its moments with zeros_like(param), so
     * they are 16-bit as well; FSDP full shard splits parameters, gradients and states alike (stage 3), SHARD_GRAD_OP
     * gradients and states (stage 2).
     */
    private static Shares pure16Shards(Setup s, ModelSpec m, long P, int N, long trainable, double optBytes,
            List<String> assumptions) {
        long weights, grads;
        if (s.zeroStage() >= 3) {
            weights = 2L * P / N + 4L * largestLayer(m, P); // the gathered unit: its parameters and gradients
            grads = 2L * trainable / N;
        } else {
            weights = 2L * P;
            grads = s.zeroStage() == 2 ? 2L * trainable / N : 2L * trainable;
        }
        assumptions.add(AssumptionText.get("states.pure16Sharded", N));
        return new Shares(weights, grads, Math.round(optBytes * trainable / N));
    }

    /**
     * DeepSpeed partitions the fp32 master copy (absent in pure 16-bit) and the optimizer's own state: 4 + 8 = 12
     * B/param for AdamW, 4 + 2 for 8-bit AdamW, and so on for every optimizer (the ZeRO paper's K). The 16-bit
     * parameters stay whole up to stage 2.
     */
    private static Shares mixedShards(Setup s, ModelSpec m, long P, int N, long trainable, double optBytes,
            List<String> assumptions) {
        double k = 4 + (s.optimizer().adam() ? 8 : optBytes);
        long weights, grads, opt;
        if (s.zeroStage() <= 2) {
            weights = 2L * P;
            // Stage 2 partitions the 16-bit gradients too: backward reduces each bucket and keeps only this
            // rank's share (ZeRO paper: 2·P + (2 + K)·P/N). DeepSpeed's all-live estimator keeps them whole
            // (4·P + 16·P/N), above the measured peaks of chenyaofo's LLaMA-7B ZeRO-2 runs.
            grads = s.zeroStage() == 2 ? 2L * trainable / N : 2L * trainable;
            opt = Math.round(k * trainable / N);
        } else if (s.fsdp()) {
            // FSDP's mixed precision keeps the fp32 parameters as the shard and casts them to 16 bits only for
            // the all-gather; the optimizer steps that shard, so there is no separate master copy and no
            // 16-bit shard ("FSDP does not require any extra memory to keep a high-precision copy of the
            // parameters for the optimizer step": MixedPrecisionPolicy, torch/distributed/fsdp/_fully_shard/
            // _fsdp_api.py; FSDP1's MixedPrecision keeps "the sharded parameters ... in full precision").
            assumptions.add(AssumptionText.get("states.fsdpMixed", N, k + 4));
            return new Shares(4L * P / N + 4L * largestLayer(m, P), 4L * trainable / N,
                    Math.round((k - 4) * trainable / N));
        } else {
            // the 16-bit shard, the live parameters gathered beside it and the gathered unit's gradient
            weights = 2L * P / N + deepSpeedGathered(m, P, 2, liveParameters(s, assumptions));
            // DeepSpeed's stage-3 estimator, 18·P/N: the fp32 gradient partition is shown as gradients
            grads = 4L * trainable / N;
            opt = Math.round(k * trainable / N);
        }
        int stage = Math.min(3, s.zeroStage());
        assumptions.add(AssumptionText.get("states.zero." + stage, N, stage == 1 ? k : stage == 2 ? k + 2
                : k + 6));
        return new Shares(weights, grads, opt);
    }

    /** What grows with the tokens: activations (Korthikanti's count, per recipe), the loss's logits, the KV cache. */
    private static void tokenTerms(Run r) {
        Setup s = r.s;
        ModelSpec m = r.m;
        r.act = 0;
        r.logits = 0;
        r.kv = 0;
        if (!m.hasArchitecture() || s.seq() <= 0 || s.batch() <= 0) return;
        boolean lora = r.lora, pure = r.pure;
        double sbh = (double) s.seq() * s.batch() * m.hidden();
        double attnRatio = (double) m.heads() * s.seq() / m.hidden();
        boolean fused = s.attention() != Attention.EAGER;
        // The residual stream has the dtype of the weights the forward reads: fp32 when autocast runs over fp32
        // master weights (a mixed-precision full fine-tune), 16-bit under pure 16-bit training and under
        // LoRA/QLoRA, whose frozen base is loaded in 16 bits (torch_dtype / bnb_4bit_compute_dtype) even with
        // --bf16 autocast.
        // ZeRO and FSDP mixed precision also run the forward on 16-bit parameters: DeepSpeed's bf16/fp16 engine
        // converts the module to half and keeps fp32 only in the optimizer; FSDP's MixedPrecision(param_dtype=bf16)
        // casts the gathered parameters.
        // PEFT's kbit preparation leaves the embedding in fp32, so the stream it starts is fp32 again.
        boolean fp32Embedding = s.quant() != Quant.NONE && s.kbit() == Setup.Kbit.PEFT_FP32;
        boolean stream16 = s.precision() != Precision.FP32 && (pure || lora || s.zeroStage() > 0)
                && !fp32Embedding;
        boolean fp32Act = fp32Activations(s);
        Block block = withAdapters(r, blockFactors(r, fp32Act, stream16), fp32Act, stream16);
        double perLayer = sbh * (block.base() + (fused ? 0 : block.attn() * attnRatio));
        if (r.train) trainingTerms(r, sbh, block, perLayer, stream16, fused);
        else inferenceTerms(r);
    }

    /** Korthikanti's bytes per token and hidden unit of one layer: outside attention (base) and inside it (attn). */
    private record Block(double base, double attn) { }

    /** A layer's factors from its recipe's precision, its MLP, its query width and an old 4-bit matmul. */
    private static Block blockFactors(Run r, boolean fp32Act, boolean stream16) {
        Setup s = r.s;
        ModelSpec m = r.m;
        List<String> assumptions = r.assumptions;
        double base, attn;
        if (fp32Act) { base = 68; attn = 10; }
        else if (s.precision().mixed() && !stream16) { base = 38; attn = 11; }
        else if (s.precision().mixed() && !deepSpeedHalfModule(s)) { base = 34; attn = 11; } // autocast's fp32 softmax
        else {
            base = 34;
            attn = 5;
            if (s.precision().mixed()) assumptions.add(AssumptionText.get("act.deepSpeedHalf"));
        }
        // Korthikanti's 34 assumes a GPT block with a 4h GELU MLP (19·s·b·h of it). A gated MLP (SwiGLU/GeGLU) keeps
        // gate, up, activation and product (8·f bytes per token at 16 bits) and no dropout mask.
        if (m.ffn() > 0) base = withMlp(r, base, fp32Act);
        if (m.queryDim() != m.hidden()) {
            // Korthikanti's count takes q, k, v and the attention output h wide; with heads × head_dim != h
            // (Gemma's head_dim 256) those four 16-bit tensors are heads × head_dim wide (k and v repeated to the
            // query heads before SDPA)
            base += 8.0 * (m.queryDim() / (double) m.hidden() - 1) * (fp32Act ? 2 : 1);
        }
        if (s.quant() == Quant.NF4 && s.kbit() == Setup.Kbit.SAVES_INPUT && m.ffn() > 0) {
            // bitsandbytes before 0.43.2: MatMul4Bit.forward kept its input A for backward (ctx.tensors = (A, B))
            // although a frozen weight needs no input to get the input's gradient; PR #1270 dropped it. Per
            // layer: the attention input, the output projection's input, the MLP input and the down
            // projection's input, 16-bit, on top of what the adapters keep.
            base += 2.0 * (3 + m.ffn() / (double) m.hidden());
            assumptions.add(AssumptionText.get("act.bnbOldMatmul"));
        }
        return new Block(base, attn);
    }

    /**
     * DeepSpeed's fp16/bf16 engine casts the module itself to 16 bits (module.half() / module.bfloat16() in
     * DeepSpeedEngine) and runs its forward without autocast; accelerate and the HF Trainer turn their native AMP off
     * when DeepSpeed is on. A softmax then returns the dtype it was given: the probabilities, the dropout mask and
     * its output are Korthikanti's 16-bit 5·a·s/h, not autocast's fp32 softmax (11). FSDP's mixed precision casts
     * parameters, not ops, so autocast stays where the recipe turns it on.
     */
    static boolean deepSpeedHalfModule(Setup s) {
        return s.zeroStage() > 0 && !s.fsdp() && s.precision().mixed();
    }

    /** A layer's base factor with its MLP in place of Korthikanti's 4h GELU one (gated, routed, tanh GELU). */
    private static double withMlp(Run r, double base, boolean fp32Act) {
        ModelSpec m = r.m;
        boolean gated = m.gated();
        double f = m.ffn() / (double) m.hidden();
        double mlp = gated ? 2 + 8 * f : 3 + 4 * f;
        // Liger's SwiGLU (LigerSiLUMulFunction) saves gate and up and recomputes silu(gate) in backward: the
        // activation's own ffn-wide copy is not kept
        if (gated && r.train && r.s.ligerKernels()) mlp -= 2 * f;
        if (r.train && m.expertsActive() > 1 && m.expertsTotal() > 0) {
            mlp = routedMlp(m, mlp, !r.lora);
            r.assumptions.add(AssumptionText.get("act.routedExperts", m.expertsActive()));
        }
        base += (mlp - 19) * (fp32Act ? 2 : 1);
        if (m.mlp() == ModelSpec.Mlp.NEW_GELU) {
            // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) in Python: tanh keeps its output and the last
            // product both its factors, three more ffn-wide tensors beside the input Korthikanti counts
            base += 3 * 2 * f * (fp32Act ? 2 : 1);
            r.assumptions.add(AssumptionText.get("act.geluNew"));
        }
        return base;
    }

    /** What LoRA adapters, their dropout and a gated (Llama) block add to a layer's factors in training. */
    private static Block withAdapters(Run r, Block block, boolean fp32Act, boolean stream16) {
        Setup s = r.s;
        ModelSpec m = r.m;
        boolean train = r.train, lora = r.lora;
        List<String> assumptions = r.assumptions;
        double base = block.base(), attn = block.attn();
        // bitsandbytes 0.43.2 on (PR #1270): MatMul4Bit keeps only the packed weight for backward, so a 4-bit
        // frozen base, like a 16-bit one, keeps no layer input; only the adapters do. PEFT's Linear4bit casts the
        // input to the adapter's dtype only outside autocast (lora/bnb.py requires_conversion), so under --bf16
        // the adapters read the 16-bit input as it is.
        boolean frozen4Bit = s.quant() == Quant.NF4 && s.kbit() != Setup.Kbit.SAVES_INPUT && !fp32Act;
        if (train && lora && (s.quant() == Quant.NONE || frozen4Bit) && m.ffn() > 0) {
            boolean cast = s.quant() == Quant.NONE && s.precision().mixed();
            base += adapterInputsExtra(m, s.loraTargets(), s.loraDropout(), cast);
            assumptions.add(AssumptionText.get("act.frozenBase",
                    cast ? AssumptionText.get("act.frozenBase.cast") : "",
                    s.loraDropout() ? AssumptionText.get("act.frozenBase.dropout") : ""));
        } else if (train && lora && s.loraDropout() && m.ffn() > 0) {
            // nn.Dropout before each adapter makes a new tensor of the adapted layer's input, which lora_A keeps
            // for its weight gradient, and keeps its bool mask (1 B) for its own backward: 3 B per input value.
            // PEFT wraps q, k, v, o, gate, up and down separately; with p = 0 it uses nn.Identity (nothing kept).
            base += (fp32Act ? 5 : 3) * adaptedInputs(m, s); // the copy in the stream's dtype, the mask 1 B
            assumptions.add(AssumptionText.get("act.loraDropout"));
        }
        if (train && m.gated()) {
            if (s.ligerKernels()) {
                // LigerRMSNorm saves its 16-bit input and an fp32 rstd a row: no fp32 copy, no normed tensor
                assumptions.add(AssumptionText.get("act.ligerKernels", llamaBlockExtra(s, stream16, fp32Act),
                        2 * m.ffn() / (double) m.hidden()));
            } else {
                base += llamaBlockExtra(s, stream16, fp32Act);
                assumptions.add(AssumptionText.get("act.llamaBlock", llamaBlockExtra(s, stream16, fp32Act)));
            }
            // HF's eager_attention_forward: softmax(dtype=float32) then .to(query.dtype), and these configs set
            // attention_dropout 0 (F.dropout with p = 0 returns its input: no mask, no copy)
            attn = fp32Act ? 4 : 6;
        }
        return new Block(base, attn);
    }

    /** The layer inputs the adapters read, in units of the hidden size: q and v, the attention, or every linear. */
    private static double adaptedInputs(ModelSpec m, Setup s) {
        double f = m.ffn() / (double) m.hidden();
        return switch (s.loraTargets()) {
            case QV -> 2;
            case ATTENTION -> 4;
            case ALL -> 4 + (m.gated() ? 2 : 1) + f;
        };
    }

    /** Training's token terms: the layers' saved activations under checkpointing, and the loss's logits. */
    private static void trainingTerms(Run r, double sbh, Block block, double perLayer, boolean stream16,
            boolean fused) {
        Setup s = r.s;
        ModelSpec m = r.m;
        boolean lora = r.lora;
        List<String> assumptions = r.assumptions;
        long act = checkpointedActivations(s, m, sbh, block.base(), perLayer, stream16, assumptions);
        assumptions.add(fused ? AssumptionText.get("act.perLayer.fused", (int) block.base(),
                s.attention().name().toLowerCase(Locale.ROOT))
                : AssumptionText.get("act.perLayer.eager", (int) block.base(), (int) block.attn()));
        // the engine cannot see the data: a length is read as every row at it (packed or padded to it),
        // the upper bound when it is only a cap that rows padded per batch stay under
        assumptions.add(AssumptionText.get("act.rowLength", s.seq()));
        long logits = 0;
        if (m.vocab() > 0) {
            logits = trainingLogits(s, m);
            // save_on_cpu's unpack hook copies a saved tensor back only when backward unpacks it
            // (torch/autograd/graph.py, unpack_from_cpu), so under offload_all the loss's backward runs with
            // no layer's set on the GPU: the same either-or as a rebuilt layer
            boolean rebuildsLayers = s.checkpointing() == Checkpointing.FULL
                    || s.checkpointing() == Checkpointing.OFFLOAD
                    || s.checkpointing() == Checkpointing.SELECTIVE_OP
                    || s.checkpointing() == Checkpointing.OFFLOAD_ALL;
            if (rebuildsLayers && logits > 0 && s.gpus() <= 1 && s.zeroStage() == 0) {
                // Backward reaches the last checkpointed layer only after the loss's backward has run and
                // freed the logits, their fp32 copy and the log-softmax: the rebuilt layer's working set
                // and the logits never coexist, so the peak holds the larger of the two, not their sum.
                // The layer's own backward adds its gradients in flight (adapterBackwardTransient).
                double inFlight = lora && s.quant() == Quant.NONE && s.precision().mixed()
                        && m.ffn() > 0 ? sbh * adapterBackwardTransient(m, s.loraTargets()) : 0;
                long apart = Math.min(Math.round(perLayer + inFlight), logits);
                act += Math.round(inFlight) - apart;
                assumptions.add(AssumptionText.get(s.checkpointing() == Checkpointing.OFFLOAD_ALL
                        ? "act.offloadApart" : "act.ckptApart", Bytes.human(apart)));
            }
            lossAssumptions(s, m, logits, assumptions);
        }
        r.act = act;
        r.logits = logits;
    }

    /** Inference's token terms: the forward's working set, the logits generate() asks for, and the KV cache. */
    private static void inferenceTerms(Run r) {
        Setup s = r.s;
        ModelSpec m = r.m;
        List<String> assumptions = r.assumptions;
        long act = inferenceWorkingSet(m, s);
        long logits = 0;
        // generate() asks for the last position's logits only (transformers >= 4.45 passes logits_to_keep=1 to
        // the model; GenerationMixin), and upcasts them to fp32 for the logits processors
        if (m.vocab() > 0) logits = (long) s.batch() * m.vocab() * 4L;
        if (m.vocab() > 0 && s.promptLogits()) {
            // every position's logits, and their fp32 upcast live beside them (`logits.float()` in the
            // causal-LM heads before 4.45); computed after the last layer freed its working set, so the
            // peak holds the larger of the two
            int a = s.precision() == Precision.FP32 ? 0 : 2;
            logits = (long) s.batch() * s.seq() * m.vocab() * (a + 4L);
            act = Math.max(0, act - logits);
            assumptions.add(AssumptionText.get("logits.prompt", a + 4));
        }
        int kvBytes = kvBytes(s);
        if (s.kvCacheBytes() > 0) assumptions.add(AssumptionText.get("kv.cacheDtype", kvBytes));
        long kv = m.kvBytesPerToken(kvBytes) * s.seq() * s.batch();
        assumptions.add(AssumptionText.get("kv.cache", kvBytes, s.seq(), s.batch()));
        r.act = act;
        r.logits = logits;
        r.kv = kv;
    }

    /**
     * A mixture of experts' MLP term, in bytes per token and hidden unit, from the dense one: every token runs in k
     * experts, each with its own gathered copy of the token and its own intermediates. HF's sparse MoE blocks (OLMoE,
     * Mixtral, Qwen-MoE; transformers modeling_olmoe.py OlmoeSparseMoeBlock) loop over the experts hit:
     * hidden_states[top_x] gathers the token (a new tensor, which the expert's linears save when their weights
     * train), the expert's gate, activation, up and product are kept as in a dense MLP, and its output is multiplied
     * by the routing weight, which requires grad, so that output is saved too; the router's fp32 softmax keeps E
     * values a token. The router's input is the shared 2 B of the dense count.
     */
    static double routedMlp(ModelSpec m, double denseMlp, boolean expertsTrain) {
        // a frozen expert's down projection saves no input: of the dense count's, the frozen-base rule takes away one
        // (adapterInputsExtra), so the other k - 1 go here
        double downInput = 2.0 * m.ffn() / m.hidden();
        double perRoute = denseMlp - 2 + 2 + (expertsTrain ? 2 : -downInput);
        return 2 + m.expertsActive() * perRoute + (expertsTrain ? 0 : downInput) + 4.0 * m.expertsTotal() / m.hidden();
    }

    /** Training activations under the setup's checkpointing: what stays on the GPU beside one rebuilt layer. */
    private static long checkpointedActivations(Setup s, ModelSpec m, double sbh, double base, double perLayer,
            boolean stream16, List<String> assumptions) {
        // each layer's saved input, in the residual stream's dtype
        int inputBytes = stream16 ? 2 : 4;
        if (s.checkpointing() == Checkpointing.FULL) {
            assumptions.add(AssumptionText.get("act.ckpt.full"));
            if (s.checkpointingAssumed()) {
                assumptions.add(AssumptionText.get("act.ckpt.assumedKbit"));
                // a script's gradient_checkpointing=False beside the k-bit preparation is read as unsaid: say why
                assumptions.add(AssumptionText.get("act.ckpt.kbitPrepared"));
            }
            return Math.round(sbh * inputBytes * m.layers() + perLayer);
        } else if (s.checkpointing() == Checkpointing.OFFLOAD) {
            return offloadedCheckpointing(s, m, sbh, perLayer, inputBytes, assumptions);
        } else if (s.checkpointing() == Checkpointing.SELECTIVE_OP) {
            return selectiveOpCheckpointing(m, sbh, perLayer, inputBytes, assumptions);
        } else if (s.checkpointing() == Checkpointing.OFFLOAD_ALL) {
            // torchtune's OffloadActivations without checkpointing: every saved tensor of 1 KiB or more goes to host
            // RAM in the forward and comes back just before its layer's backward (torchtune/training/
            // _activation_offloading.py); the GPU holds about one layer's saved set at a time
            assumptions.add(AssumptionText.get("act.offloadAll", Bytes.human(Math.round(perLayer * m.layers()))));
            return Math.round(perLayer);
        } else if (s.checkpointing() == Checkpointing.SELECTIVE) {
            assumptions.add(AssumptionText.get("act.ckpt.selective"));
            return Math.round(sbh * base * m.layers());
        } else {
            // HF Trainer's gradient_checkpointing and many fine-tuning recipes turn it on: off is only the default
            if (s.checkpointingAssumed()) assumptions.add(AssumptionText.get("act.ckpt.assumedOff"));
            return Math.round(perLayer * m.layers());
        }
    }

    /**
     * Offloaded checkpointing: the layer inputs in host RAM, the GPU keeping the layer being recomputed and the inputs
     * of the two layers in flight.
     */
    private static long offloadedCheckpointing(Setup s, ModelSpec m, double sbh, double perLayer, int inputBytes,
            List<String> assumptions) {
        // Offloaded checkpointing (Unsloth's "unsloth" mode, torch.autograd.graph.save_on_cpu, torchtune's
        // enable_activation_offloading): each layer's input goes to pinned host RAM; the GPU keeps the
        // layer being recomputed and the inputs of the two layers in flight (one copying out, one copying
        // back).
        assumptions.add(AssumptionText.get("act.ckpt.offload",
                Bytes.human(Math.round(sbh * inputBytes * m.layers()))));
        // Unsloth (the offloaded mode that comes with its fused loss) re-applied the trainer arguments'
        // gradient_checkpointing at train() from 2025.12 to 2026.6 (unsloth/models/rl.py after
        // unslothai/unsloth#3659): False in a plain TrainingArguments and in TRL's SFTConfig before 0.22, so the
        // mode asked for at get_peft_model was off for the whole run (#4735, fixed by #6829 in 2026.7.1). The
        // lab notebooks of budget/measured_heldout22.json peaked near the no-checkpointing figure, 2-4x this one
        if (s.loss() == Setup.Loss.FUSED_LINEAR) {
            assumptions.add(AssumptionText.get("act.ckpt.unslothTrainerArgs",
                    Bytes.human(Math.round(perLayer * m.layers()))));
        }
        return Math.round(sbh * inputBytes * Math.min(2, m.layers()) + perLayer);
    }

    /** torchtitan's op-level selective checkpointing: the outputs of SDPA and four matmuls of each block kept. */
    private static long selectiveOpCheckpointing(ModelSpec m, double sbh, double perLayer, int inputBytes,
            List<String> assumptions) {
        // torchtitan's op-level policy (_save_list in parallelize_llama.py) keeps the outputs of SDPA
        // and of the 1st, 3rd, 5th and 7th matmul of a block (wq, wv, w1, w2) and recomputes the rest from
        // the block's input: h + h + kv + h + f + h values per token, 16-bit; one block's working set is
        // rebuilt at a time in backward.
        // wq's output and SDPA's are heads x head_dim wide, not h (Qwen3 4B: 4096 against 2560); the block's
        // input and w2's output are h wide
        double q = m.queryDim() / (double) m.hidden();
        double kept = 2 + 2 * q + (double) m.kvHeads() * m.headDim() / m.hidden() + m.ffn() / (double) m.hidden();
        assumptions.add(AssumptionText.get("act.ckpt.selectiveOp"));
        return Math.round(sbh * inputBytes * kept * m.layers() + perLayer);
    }

    /** How the loss holds the logits, said once per training estimate. */
    private static void lossAssumptions(Setup s, ModelSpec m, long logits, List<String> assumptions) {
        boolean autocastUpcast = s.loss() == Setup.Loss.NATIVE && s.precision().mixed();
        if (s.lossAssumed() && logits > 0) assumptions.add(AssumptionText.get("logits.lossAssumed"));
        assumptions.add(AssumptionText.get(autocastUpcast ? "logits.autocast" : switch (s.loss()) {
            case FP32 -> "logits.fp32";
            case NATIVE -> "logits.native";
            case FUSED -> "logits.fused";
            case FUSED_LINEAR -> "logits.fusedLinear";
            case CHUNKED -> "logits.chunked";
        }));
        if (m.logitSoftcap() > 0 && logits > 0 && s.loss() != Setup.Loss.FUSED && s.loss() != Setup.Loss.FUSED_LINEAR) {
            assumptions.add(AssumptionText.get("logits.softcap"));
        }
    }

    /**
     * A model whose layers are spread over the GPUs in order (accelerate's device_map, dispatch_model): each GPU keeps
     * the weights of its own layers and, training, their gradients and optimizer states (each created on its
     * parameter's device) and the activations they save; the hidden state moves from one GPU to the next and one GPU
     * works at a time. The KV cache splits by layers, every head of a layer on its GPU, so nothing is replicated as
     * tensor parallelism replicates too few KV heads. A layer's working set at inference and the logits (lm_head
     * and the loss on the last GPU) stay whole.
     */
    private static void layerSplit(Run r) {
        // ZeRO / FSDP shard one model over the GPUs already: the split applies to unsharded models only
        if (!r.s.layerSplit() || r.N <= 1 || r.s.zeroStage() > 0) return;
        int n = r.N;
        r.weights /= n;
        r.grads /= n;
        r.opt /= n;
        if (r.train) r.act /= n;
        r.kv /= n;
        r.assumptions.add(AssumptionText.get("split.layers", n));
    }

    /** The optimizer step's own peak against the freed activations, and tensor-parallel serving's split. */
    private static void stepPeak(Run r) {
        if (r.train) optimizerStepPeak(r);
        if (!r.train && r.N > 1 && !(r.s.layerSplit() && r.s.zeroStage() == 0)) {
            // Serving over N GPUs is tensor parallel (vLLM --tensor-parallel-size, TGI --num-shard): each rank holds
            // 1/N of every layer's weights and of the KV heads.
            r.weights = r.weights / r.N;
            // vLLM splits the KV heads over the ranks and replicates them when there are fewer heads than ranks
            // (num_kv_heads = max(1, total_num_kv_heads // tp_size))
            r.kv = r.kv * kvHeadsPerRank(r.m, r.N) / Math.max(1, r.m.kvHeads());
            r.assumptions.add(AssumptionText.get("serve.tensorParallel", r.N, r.N));
        }
    }

    /** What optimizer.step() adds at its peak over what the forward's end already holds, shown as optimizer state. */
    private static void optimizerStepPeak(Run r) {
        Setup s = r.s;
        // under optimizer-in-backward each parameter is stepped alone, so a foreach step copies one tensor at most
        long stepTransient = s.optimizerInBackward()
                ? Math.min(adamStepTransient(s, r.trainable, r.pure, r.N),
                        (r.pure ? 2L : 4L) * largestTrainable(s, r.m, r.P))
                : adamStepTransient(s, r.trainable, r.pure, r.N);
        // The 16-bit weight copies of a mixed-precision full fine-tune are autocast's cache, which autocast's __exit__
        // drops (torch.clear_autocast_cache() at nesting depth 0), and the casts the matmuls saved for backward, which
        // backward frees layer by layer: none is left when optimizer.step() runs, so the step peaks over the fp32
        // master weights alone (4 + 4 + 8 B/param, plus foreach AdamW's copy), not over all 6 B of weights.
        long castCopy = s.precision().mixed() && !r.lora && s.quant() == Quant.NONE && s.zeroStage() == 0
                && !s.offloadOptimizer() ? 2L * r.P : 0;
        long freed = r.act + r.logits + castCopy;
        if (s.optimizerInBackward()) {
            // the one gradient and its step run inside backward, beside the activations not yet freed
            r.opt += stepTransient;
        } else if (gradientsShareActivationRoom(s)) {
            // Backward frees each layer's activations as it writes that layer's gradients, and zero_grad(set_to_none)
            // frees the gradients after the step; so the activations and all the gradients never coexist. The peak
            // is the larger of the end of the forward (activations, logits) and the step (gradients, step copy).
            long stepPeak = r.grads + stepTransient;
            long shownGrads = Math.min(r.grads, Math.max(0, stepPeak - freed));
            r.opt += Math.max(0, stepPeak - freed) - shownGrads;
            if (shownGrads < r.grads) r.assumptions.add(AssumptionText.get("peak.gradsInFreedRoom",
                    Bytes.human(r.grads)));
            r.grads = shownGrads;
        } else if (stepTransient > freed) {
            r.opt += stepTransient - freed;
            r.assumptions.add(AssumptionText.get("peak.optimizerStep", Bytes.human(stepTransient)));
        }
    }

    /** Bytes of one KV cache value: --kv-cache-dtype, else the model's dtype. */
    static int kvBytes(Setup s) {
        if (s.kvCacheBytes() > 0) return s.kvCacheBytes();
        return s.precision() == Precision.FP32 ? 4 : 2;
    }

    static long kvHeadsPerRank(ModelSpec m, int ranks) {
        return Math.max(1, m.kvHeads() / Math.max(1, ranks));
    }

    /** KV cache bytes one token takes on one rank (K and V of every layer). */
    static long kvBytesPerToken(Setup s, ModelSpec m) {
        int n = Math.max(1, s.gpus());
        return m.kvBytesPerToken(kvHeadsPerRank(m, n), kvBytes(s));
    }

    /**
     * vLLM's startup (gpu_worker.determine_num_available_blocks / determine_available_memory): it loads the weights,
     * runs one forward of max_num_batched_tokens to profile the activation peak, and gives the KV cache
     * gpu_memory_utilization × total memory less the weights, that peak and the non-torch memory (the CUDA context
     * and NCCL buffers). Version 0 profiled max(max_model_len, 2048) tokens without chunked prefill; that is taken
     * here. The card then holds the whole share, whatever the batch.
     */
    private static void vllmPool(Run r, Long gpuBytes) {
        Setup s = r.s;
        ModelSpec m = r.m;
        if (r.train || s.gpuMemoryUtilization() <= 0 || gpuBytes == null || !m.hasArchitecture() || s.seq() <= 0) {
            return;
        }
        long pool = Math.round(s.gpuMemoryUtilization() * GpuCatalog.usableBytes(gpuBytes));
        int profiled = Math.max(s.seq(), 2048);
        r.act = inferenceWorkingSet(m, s.toBuilder().seq(profiled).batch(1).attention(Attention.FLASH).build())
                / r.N;
        long context = s.contextBytes() >= 0 ? s.contextBytes() : DEFAULT_CONTEXT;
        long perToken = kvBytesPerToken(s, m);
        long kv = Math.max(0, pool - r.weights - r.act - r.logits - context);
        long tokens = kv / perToken;
        // the KV term is now the pool, not this batch's tokens: drop the sentence that sized it by the batch
        r.assumptions.remove(AssumptionText.get("kv.cache", kvBytes(s), s.seq(), s.batch()));
        r.kv = kv;
        r.pool = pool;
        r.poolTokens = tokens;
        r.assumptions.add(AssumptionText.get("serve.vllmPool", s.gpuMemoryUtilization(), Bytes.human(pool),
                profiled, Bytes.human(kv), tokens, tokens / (double) s.seq(), s.seq()));
        if (tokens < s.seq()) r.assumptions.add(AssumptionText.get("serve.vllmPoolShort", tokens, s.seq()));
    }

    /**
     * llama.cpp's context (llama_kv_cache_init): at load the server allocates K and V for n_ctx tokens, every layer,
     * kv_heads × head_dim values each in f16 (its default cache type), whatever the requests; --parallel slots share
     * those tokens. The working set is its compute buffer, sized for one micro-batch of n_ubatch = 512 tokens (the
     * default). Only the last position's logits are kept (the server's output buffer).
     */
    private static void contextPool(Run r) {
        Setup s = r.s;
        ModelSpec m = r.m;
        int ctx = s.contextTokens();
        if (r.train || ctx <= 0 || !m.hasArchitecture()) return;
        r.assumptions.remove(AssumptionText.get("kv.cache", kvBytes(s), s.seq(), s.batch()));
        // llama.cpp's cache type is f16 unless set (--cache-type-k/v), whatever the weights' dtype
        r.kv = m.kvBytesPerToken(s.kvCacheBytes() > 0 ? s.kvCacheBytes() : 2) * ctx;
        // ggml computes in fp32: the micro-batch's residual, normed copy and MLP intermediates (2h + 3f a token), and
        // without flash attention (-fa off, llama.cpp's default before its 'auto'; --attention eager here) the scores
        // of every head against the whole context, ubatch × n_ctx × heads
        int ub = Math.min(LLAMA_CPP_UBATCH, ctx);
        double scores = s.attention() == Attention.EAGER ? 4.0 * ub * ctx * m.heads() : 0;
        r.act = Math.round(4.0 * ub * (2.0 * m.hidden() + 3.0 * m.ffn()) + scores);
        r.logits = m.vocab() * 4L;
        // llama-server gives each of its --parallel slots n_ctx / slots tokens: a request longer than its slot's
        // share does not fit however much of the context the other slots leave free (ggml-org/llama.cpp#11681)
        int slots = Math.max(1, s.slots());
        int perSlot = ctx / slots;
        int seq = s.seq() > 0 ? s.seq() : perSlot;
        int fitting = seq > perSlot ? 0 : slots * (perSlot / seq);
        r.poolTokens = perSlot;
        r.assumptions.add(AssumptionText.get("serve.contextPool", ctx, Bytes.human(r.kv), fitting, seq));
        if (slots > 1) r.assumptions.add(AssumptionText.get("serve.contextSlots", slots, perSlot));
        if (seq > perSlot) r.assumptions.add(AssumptionText.get("serve.contextShort", seq, perSlot, seq * slots));
    }

    /** The overhead, the total, which terms are unknown, and the verdict on the card as PyTorch sees it. */
    private static Budget verdict(Run r, Long gpuBytes) {
        Setup s = r.s;
        ModelSpec m = r.m;
        long live = r.weights + r.grads + r.opt + r.act + r.logits + r.kv;
        // llama.cpp sizes its buffers once through ggml, not PyTorch's caching allocator
        boolean ggml = !r.train && s.contextTokens() > 0;
        long overhead = overhead(r, live, ggml);
        perRankNotes(r);
        long total = live + overhead;
        // Without seq and batch (or without the model's shape) the terms that grow with the tokens are unknown, in
        // serving as in training: a total under the card is then no claim of a fit.
        // vLLM's share and llama.cpp's context need no batch: the activations are the profile of one forward and the
        // KV cache is the pool, however many sequences then share it (the assumption says how many of --seq fit)
        boolean activationsKnown = (s.seq() > 0 && s.batch() > 0 || r.pool > 0 || ggml) && m.hasArchitecture();
        List<String> unknown = activationsKnown ? List.of() : r.train
                ? List.of(Budget.ACTIVATIONS, Budget.LOGITS) : List.of(Budget.ACTIVATIONS, Budget.KV_CACHE);
        if (!activationsKnown) r.assumptions.add(uncountedNote(s, m));
        Fit fit = onTheCard(r, gpuBytes, total, activationsKnown, ggml);
        return new Budget(r.P, r.trainable, new Budget.Terms(r.weights, r.grads, r.opt, r.act, r.logits, r.kv,
                overhead, total), gpuBytes, fit.fits(), fit.headroom(), r.assumptions, unknown);
    }

    /** Whether the total fits the card (null when unknown) and what is left on it. */
    private record Fit(Boolean fits, Long headroom) {}

    /** The CUDA context and the caching allocator's slack on top of what is live, with the readings it gives. */
    private static long overhead(Run r, long live, boolean ggml) {
        Setup s = r.s;
        long context = s.contextBytes() >= 0 ? s.contextBytes() : DEFAULT_CONTEXT;
        // vLLM's share is allocated once, block by block: no caching-allocator slack on top of it
        // llama.cpp sizes its buffers once through ggml, not PyTorch's caching allocator: no slack there either
        long overhead = context + (r.pool > 0 || ggml ? 0 : Math.round(live * ALLOCATOR_SLACK));
        r.assumptions.add(r.pool > 0 ? AssumptionText.get("overhead.vllm", Bytes.human(context))
                : ggml ? AssumptionText.get("overhead.ggml", Bytes.human(context))
                : AssumptionText.get("overhead.context", Bytes.human(context), (int) (ALLOCATOR_SLACK * 100)));
        // a published or measured figure is one of three readings, and they differ by the context and the slack:
        // which one a user compares with is not stated, so the estimate gives all three
        if (r.pool == 0 && !ggml) {
            r.assumptions.add(AssumptionText.get("overhead.readings", Bytes.human(live),
                    Bytes.human(live + overhead - context)));
        }
        return overhead;
    }

    /**
     * A sharded run's published figure may be one rank's allocator peak, nvidia-smi on rank 0 or a sum over the
     * cards; the budget is one of them, and says which.
     */
    private static void perRankNotes(Run r) {
        Setup s = r.s;
        if (!r.train || r.N <= 1 || s.zeroStage() <= 0 && !s.fsdp()) return;
        r.assumptions.add(AssumptionText.get("overhead.perRank", r.N, r.N));
        // nothing offloaded is the setup's default, not a fact: ZeRO-Offload or FSDP's CPU offload moves the
        // states (and the parameter shards) to host RAM and changes the per-GPU figure several times over
        if (!s.offloadOptimizer() && !s.offloadParams()) {
            r.assumptions.add(AssumptionText.get("states.nothingOffloaded"));
        }
    }

    /**
     * The verdict and the headroom on the card as PyTorch sees it: the driver's share is not there to allocate (a
     * headroom on the marketed size was positive for a budget that did not fit).
     */
    private static Fit onTheCard(Run r, Long gpuBytes, long total, boolean activationsKnown, boolean ggml) {
        Setup s = r.s;
        ModelSpec m = r.m;
        Long usable = gpuBytes == null ? null : GpuCatalog.usableBytes(gpuBytes);
        if (gpuBytes != null && GpuCatalog.isTorchTotal(gpuBytes)) {
            r.assumptions.add(AssumptionText.get(GpuCatalog.isRocmTorchTotal(gpuBytes) ? "gpu.torchTotalRocm"
                    : "gpu.torchTotal", Bytes.human(gpuBytes)));
        }
        Boolean fits = usable == null ? null : total > usable ? Boolean.FALSE
                : activationsKnown ? Boolean.TRUE : null;
        // vLLM refuses to start when its KV cache cannot hold one sequence of max_model_len tokens; llama-server
        // cannot take a request longer than a slot's share of the context
        boolean pooled = r.pool > 0 || ggml && m.hasArchitecture();
        if (pooled && r.poolTokens < s.seq()) fits = Boolean.FALSE;
        // --batch under a server's pool is the sequences served at once: vLLM holds poolTokens / seq of them in its
        // KV cache and llama-server one a slot; more than that wait in the queue (or are preempted), not held at once
        long atOnce = r.pool > 0 ? r.poolTokens / Math.max(1, s.seq()) : ggml ? Math.max(1, s.slots()) : 0;
        if (pooled && s.batch() > atOnce && Boolean.TRUE.equals(fits)) {
            fits = Boolean.FALSE;
            r.assumptions.add(AssumptionText.get("serve.poolBatch", s.batch(), atOnce, s.seq()));
        }
        Long headroom = usable == null ? null : usable - total;
        // bitsandbytes' paged optimizers keep their states in CUDA unified memory, which the driver moves to host RAM
        // when the card is full (bitsandbytes docs, "paged optimizers"): states over the card page out, slowly, and
        // do not fail the job. The batch finder does not count on it (it compares the total with the card itself).
        if (Boolean.FALSE.equals(fits) && r.train && activationsKnown && s.optimizer().paged()
                && !s.offloadOptimizer() && r.pool == 0 && total - r.opt <= usable) {
            fits = Boolean.TRUE;
            r.assumptions.add(AssumptionText.get("peak.paged", Bytes.human(total - usable), Bytes.human(r.opt)));
            headroom = 0L;
        }
        // under vLLM the card holds its share whatever happens; what is short is KV room for one sequence
        if (r.pool > 0) headroom = (r.poolTokens - s.seq()) * kvBytesPerToken(s, m);
        // llama-server short of slot room: what the context lacks is the KV of the missing tokens in every slot
        if (ggml && m.hasArchitecture() && r.poolTokens < s.seq()) {
            headroom = (r.poolTokens - s.seq()) * Math.max(1L, s.slots()) * kvBytesPerToken(s, m);
        }
        return new Fit(fits, headroom);
    }

    /**
     * Why the terms that grow with the tokens are left out, naming only what is missing: a catalog model given by
     * --model whose row has no layer shape is named (asking for --model again misled a user), and of --seq and
     * --batch only the one not given is asked for.
     */
    private static String uncountedNote(Setup s, ModelSpec m) {
        if (!m.hasArchitecture()) {
            return ModelCatalog.find(m.name()).isPresent()
                    ? AssumptionText.get("act.uncounted.catalogShape", m.name())
                    : AssumptionText.get("act.uncounted.shape");
        }
        if (s.seq() > 0) return AssumptionText.get("act.uncounted.batch");
        if (s.batch() > 0) return AssumptionText.get("act.uncounted.seq");
        return AssumptionText.get("act.uncounted.tokens");
    }

    /**
     * The loss's logits, by how the recipe computes it (Setup.Loss). Fused linear cross-entropy (Liger's
     * LigerFusedLinearCrossEntropyFunction) works on chunks of next_pow2(ceil(b·s / ceil(V/h))) tokens, so a chunk
     * holds about as many fp32 logits as the hidden states have values.
     */
    static long trainingLogits(Setup s, ModelSpec m) {
        double tokens = (double) s.batch() * s.seq();
        int a = fp32Activations(s) ? 4 : s.precision().activationBytes;
        if (s.loss() == Setup.Loss.FUSED_LINEAR) {
            long inc = (m.vocab() + (long) m.hidden() - 1) / m.hidden();
            long chunk = Long.highestOneBit(Math.max(1, (long) Math.ceil(tokens / inc)) * 2 - 1);
            return Math.min((long) tokens, chunk) * m.vocab() * 4L;
        }
        // under autocast, cross_entropy/log_softmax are on torch.autocast's fp32 list: a 16-bit loss is upcast anyway
        Setup.Loss loss = s.loss() == Setup.Loss.NATIVE && s.precision().mixed() ? Setup.Loss.FP32 : s.loss();
        double perElement = switch (loss) {
            // the upcast loss's backward: the saved fp32 log-softmax, the gradient nll_loss writes and the one
            // log_softmax writes, all b·s·V fp32 (forward's 16-bit logits, fp32 copy and log-softmax are 10 B)
            case FP32 -> 12;
            case NATIVE -> 2.0 * a;
            // a compiled loss (AOTAutograd's partitioner) saves its input, the 16-bit logits, for its backward, and
            // that backward writes the logits' gradient, same shape and dtype, before the graph releases what it
            // saved: two b·s·V tensors at the loss's backward (this project's H200 grid4, Qwen3 4B at 8 x 4096:
            // 47.39 GiB measured, 37.46 predicted with one); flash-attn's CrossEntropyLoss without inplace_backward
            // allocates its dlogits the same way (torch.empty_like(logits))
            case FUSED -> 2.0 * a;
            case FUSED_LINEAR -> 0;
            // torchtune's LinearCrossEntropyLoss / CEWithChunkedOutputLoss without compile: F.cross_entropy on each
            // chunk's logits.float() saves that chunk's fp32 log-softmax (4 B for every logit once all chunks ran);
            // one chunk at a time holds its backward's fp32 gradient, the log-softmax's fp32 gradient and the 16-bit
            // gradient of its logits (10 B over 1/8 of them)
            case CHUNKED -> 4 + 10.0 / TORCHTUNE_OUTPUT_CHUNKS;
        };
        // Final-logit soft-capping (Gemma 2's final_logit_softcapping; HF Gemma2ForCausalLM and litgpt both compute
        // cap · tanh(logits / cap) out of place): tanh keeps its output for backward, one more b·s·V tensor in the
        // logits' dtype beside the capped logits the loss reads. A compiled or fused loss may fold it; not counted.
        if (m.logitSoftcap() > 0 && (loss == Setup.Loss.FP32 || loss == Setup.Loss.NATIVE)) perElement += a;
        return Math.round(tokens * m.vocab() * perElement);
    }

    /**
     * The layer inputs a frozen base keeps under LoRA, in bytes per token and hidden unit, against Korthikanti's
     * shared linear inputs. PEFT's LoRA Linear.forward casts the layer's input to
     * the adapter's dtype (`x = self._cast_input_dtype(x, lora_A.weight.dtype)`, peft/tuners/lora/layer.py) and
     * autocast casts it back to 16 bits for lora_A, which saves that copy: every adapted layer (q, k, v separately)
     * keeps its own 2 B per input value, 1 B more for a dropout mask (the fp32 dropout output itself is not saved).
     * A frozen layer saves no input for a weight gradient, so the shared inputs the count holds are gone: the attention
     * input (2), the MLP input (2) and the down projection's input (2·f); the attention output stays (SDPA keeps it).
     * Without the cast (16-bit adapters: litgpt's bf16-true) an adapter without dropout keeps the shared input itself;
     * nn.Dropout before an adapter makes its own copy (2 B) and mask (1 B) either way.
     */
    static double adapterInputsExtra(ModelSpec m, Setup.LoraTargets targets, boolean dropout, boolean cast) {
        double f = m.ffn() / (double) m.hidden();
        double inputs = switch (targets) {
            case QV -> 2;
            case ATTENTION -> 4;
            case ALL -> 4 + (m.gated() ? 2 : 1) + f;
        };
        double shared = 4 + 2 * f;
        if (cast || dropout) return (dropout ? 3 : 2) * inputs - shared;
        // 16-bit adapters read the shared inputs themselves: the attention input always, the MLP's under ALL only
        return targets == Setup.LoraTargets.ALL ? 0 : -(2 + 2 * f);
    }

    /**
     * Gradients in flight, bytes per token and hidden unit, while a layer with fp32 adapters under autocast runs its
     * backward, beside everything the layer saved: at the widest adapted layer (down_proj, f wide, under all-linear
     * targets) the frozen base's 16-bit input gradient, the adapter's input gradient in fp32 (PEFT's LoRA forward
     * cast the input to the adapter's dtype, `x = self._cast_input_dtype(x, lora_A.weight.dtype)`,
     * peft/tuners/lora/layer.py, so its backward returns through that fp32 copy) and its 16-bit cast back: 2 + 4 + 2
     * B per input value; and the layer output's and the residual's gradients, h wide (2 + 2). Measured in this
     * project's H200 grid4 (tune): Llama 2 7B LoRA at 8 x 2048 with full checkpointing and a chunked loss peaks at
     * 21.80 GiB, 1.7 GiB over the frozen states, layer inputs and rebuilt layer.
     */
    static double adapterBackwardTransient(ModelSpec m, Setup.LoraTargets targets) {
        double widest = targets == Setup.LoraTargets.ALL ? Math.max(1, m.ffn() / (double) m.hidden())
                : Math.max(1, m.queryDim() / (double) m.hidden());
        return 8 * widest + 4;
    }

    /**
     * What a Llama-family training block keeps beyond Korthikanti's count, in bytes per token and hidden unit. The
     * gated MLP stands for the family (Llama, Qwen2, Mistral, Gemma: RMSNorm, separate q/k/v and gate/up).
     * HF's LlamaRMSNorm (and litgpt's and torchtune's RMSNorm) upcasts its input to fp32 and normalizes there:
     * pow(2) saves that fp32 copy (4 B, where the count has the 16-bit input, 2 B) of a 16-bit input; when the norm's
     * weight trains, `weight * normed` also saves the normed tensor (16-bit after `.to(input_dtype)`, fp32 on an fp32
     * stream). Two norms per block.
     * Autocast caches its casts of leaf weights only (aten autocast_mode.cpp: "cache FP16 casts of FP32 model
     * weights"), so on an fp32 stream q, k and v each cast their shared input again, as do gate and up: three more
     * 16-bit copies kept for the weights' gradients. A frozen base (LoRA) saves no inputs for its own weights.
     */
    static double llamaBlockExtra(Setup s, boolean stream16, boolean fp32Act) {
        boolean normTrains = s.loraRank() == 0;
        // the fp32 copy takes the place of the 16-bit norm input Korthikanti counts (2 B): 2 more
        double perNorm = (stream16 ? 2 : 0) + (normTrains ? (stream16 ? 2 : 4) : 0);
        boolean recasts = normTrains && s.precision().mixed() && !stream16 && !fp32Act;
        return 2 * perNorm + (recasts ? 3 * 2 : 0);
    }

    /**
     * Whether the layers' activations are fp32. Under fp32 training, and under PEFT's prepare_model_for_kbit_training
     * without autocast: it casts every parameter bitsandbytes left unquantized (embeddings, norms, lm_head) to fp32
     * (peft/utils/other.py), and bitsandbytes' Linear4bit casts its output back to its input's dtype
     * (`matmul_4bit(...).to(inp_dtype)`, bitsandbytes nn/modules.py), so from the fp32 embedding on every tensor of
     * the block, and the logits of the fp32 lm_head, are fp32. Autocast (mixed precision) runs the matmuls in 16 bits
     * instead, so only the residual stream stays fp32 there.
     */
    static boolean fp32Activations(Setup s) {
        if (s.precision() == Precision.FP32) return true;
        return s.quant() != Quant.NONE && s.kbit() == Setup.Kbit.PEFT_FP32 && !s.precision().mixed();
    }

    /**
     * torch.optim.AdamW runs its foreach implementation by default on CUDA, which "uses ~ sizeof(params) more peak
     * memory than the for-loop version due to the intermediates being a tensorlist" (PyTorch optimizer docs):
     * `_foreach_sqrt(exp_avg_sqs)` allocates a copy of every second moment at once. That happens in the step, after
     * backward has freed the activations, so it counts against them, not on top. DeepSpeed's ZeRO optimizers
     * (fused, per partition) and 8-bit AdamW (per tensor) have no such list-wide copy; ZeRO-1/2 instead make an fp32
     * copy of the rank's gradient partition for the step.
     */
    static long adamStepTransient(Setup s, long trainable, boolean pure, int gpus) {
        if (s.offloadOptimizer()) return 0;
        boolean deepSpeed = s.zeroStage() > 0 && !pure && s.loraRank() == 0;
        // ZeRO-1/2 upcast this rank's 16-bit gradient partition to fp32 for the step, whatever the optimizer
        // (stage_1_and_2.py); stage 3 already shows that partition as gradients
        // in fp32 the gradients already are fp32: nothing to upcast
        if (deepSpeed) return s.zeroStage() <= 2 && s.precision() != Precision.FP32
                ? 4L * trainable / Math.max(1, gpus) : 0;
        if (s.optimizer() != Setup.Optimizer.ADAMW) return 0;
        long shard = s.zeroStage() > 0 ? trainable / Math.max(1, gpus) : trainable;
        return shard * (pure ? 2 : 4);
    }

    /**
     * Whether backward's gradients may take the room of the activations it frees: one GPU without a sharding engine
     * or FSDP (DDP's buckets and DeepSpeed's partitions are allocated up front and stay), gradients not kept between
     * steps
     * (Setup.gradientsKept: accumulation or a zeroing zero_grad), and the optimizer on the GPU.
     */
    static boolean gradientsShareActivationRoom(Setup s) {
        boolean pure = s.precision() == Precision.BF16 || s.precision() == Precision.FP16;
        // Sharding a pure 16-bit module is FSDP's case (DeepSpeed always keeps fp32 master weights): FSDP allocates a
        // unit's sharded gradient when its reduce-scatter lands in backward, and set_to_none frees it after the step.
        boolean lazyGradients = s.gpus() <= 1 && s.zeroStage() == 0 || s.zeroStage() > 0 && pure;
        return lazyGradients && !s.gradientsKept() && !s.offloadOptimizer();
    }

    /**
     * Inference under no_grad keeps no activations for a backward: a tensor is freed as soon as its last consumer has
     * run, so the peak inside a layer is the MLP's intermediates (act(gate), up and their product, 3·f values per
     * token in HF's LlamaMLP `down_proj(act_fn(gate_proj(x)) * up_proj(x))`) beside the residual stream and its normed
     * copy (2·h). Eager attention adds the score and probability matrices, b·a·s² each. The Llama family's eager
     * attention (HF's eager_attention_forward, and LlamaAttention before it) runs
     * `softmax(scores, dtype=torch.float32).to(query.dtype)` in one statement: the 16-bit scores, their fp32
     * softmax and its 16-bit cast are live together, 2 + 4 + 2 B a score (4 + 4 in fp32, where the cast copies
     * nothing).
     */
    static long inferenceWorkingSet(ModelSpec m, Setup s) {
        int bytes = s.precision() == Precision.FP32 ? 4 : 2;
        double tokens = (double) s.seq() * s.batch();
        double perToken = 2.0 * m.hidden() + 3.0 * m.ffn();
        double perScore = m.gated() ? 4 + (bytes == 4 ? 4 : 2 * bytes) : 2.0 * bytes;
        double scores = s.attention() == Attention.EAGER ? perScore * scoreValues(s.batch(), m.heads(), s.seq()) : 0;
        return Math.round(tokens * perToken * bytes + scores);
    }

    /** Values in one layer's eager attention score matrix (the probabilities after softmax are as many again). */
    public static double scoreValues(long batch, long heads, long seq) {
        return (double) batch * heads * seq * seq;
    }

    /** LoRA on every linear layer of attention and MLP: r·(d_in + d_out) per adapted matrix. */
    static long loraParams(ModelSpec m, int r, List<String> assumptions) { return loraParams(m, r,
            Setup.LoraTargets.ALL, assumptions); }

    static long loraParams(ModelSpec m, int r, Setup.LoraTargets targets, List<String> assumptions) {
        if (!m.hasArchitecture()) {
            assumptions.add(AssumptionText.get("lora.guessed"));
            return Math.round(m.params() * 0.005);
        }
        long h = m.hidden(), q = m.queryDim(), kvDim = (long) m.kvHeads() * m.headDim(), f = m.ffn();
        long attn = (h + q) + (h + kvDim) * 2 + (q + h);
        if (targets == Setup.LoraTargets.QV) {
            assumptions.add(AssumptionText.get("lora.qv", r));
            return (long) m.layers() * r * ((h + q) + (h + kvDim));
        }
        if (targets == Setup.LoraTargets.ATTENTION) {
            assumptions.add(AssumptionText.get("lora.attention", r));
            return (long) m.layers() * r * attn;
        }
        long mlp = m.gated() ? 2 * (h + f) + (f + h) : (h + f) + (f + h);
        assumptions.add(AssumptionText.get("lora.all", r));
        return (long) m.layers() * r * (attn + mlp);
    }
}
