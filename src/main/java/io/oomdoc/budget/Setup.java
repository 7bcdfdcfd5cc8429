package io.oomdoc.budget;

import java.util.Locale;

/** The training or inference setup whose memory is estimated. Enum names mirror the CLI flag values. */
public record Setup(ModelSpec model, int seq, int batch, Mode mode, Precision precision, Optimizer optimizer,
                    Checkpointing checkpointing, Attention attention, int zeroStage, int gpus, int loraRank,
                    Quant quant, long contextBytes, boolean offloadOptimizer, LoraTargets loraTargets, Loss loss,
                    boolean gradientsKept, Kbit kbit, boolean loraDropout, int kvCacheBytes,
                    double gpuMemoryUtilization, boolean offloadParams, boolean optimizerInBackward,
                    boolean promptLogits, boolean doubleQuant, int contextTokens, int slots, boolean layerSplit,
                    boolean fsdp, long savedModuleParams, boolean checkpointingAssumed,
                    long liveParameters, long reduceBucket, boolean overlapComm, boolean optimizerAssumed,
                    boolean lossAssumed, boolean headQuantized, boolean ligerKernels) {

    public enum Mode { TRAIN, INFER }

    public enum Precision {
        FP32(4), FP16(2), BF16(2), MIXED_BF16(2), MIXED_FP16(2);
        public final int activationBytes;
        Precision(int b) { activationBytes = b; }
        public boolean mixed() { return this == MIXED_BF16 || this == MIXED_FP16; }
    }

    /**
     * ADAMW is torch.optim.AdamW as constructed by default (foreach on CUDA); ADAMW_FUSED is a fused or per-parameter
     * AdamW (fused=True, HF's adamw_hf / adamw_torch_fused, DeepSpeed's FusedAdam): same states, no list-wide step
     * copy. PRODIGY is prodigyopt's Prodigy (kohya's --optimizer_type Prodigy), LION the Lion optimizer (sign of a
     * momentum, one state). PAGED_ADAMW is bitsandbytes' 32-bit paged AdamW (HF's paged_adamw_32bit, the QLoRA
     * recipes' optimizer): AdamW's two moments, in fp32 whatever the parameters' dtype, in memory the driver pages out.
     */
    public enum Optimizer { ADAMW, ADAMW_FUSED, ADAMW_8BIT, PAGED_ADAMW_8BIT, PAGED_ADAMW, ADAFACTOR, SGD, SGD_MOMENTUM,
        PRODIGY, LION;
        public boolean adam() { return this == ADAMW || this == ADAMW_FUSED || this == PAGED_ADAMW; }
        /** bitsandbytes' paged optimizers: states in CUDA unified memory, moved to host RAM when the card is full. */
        public boolean paged() { return this == PAGED_ADAMW_8BIT || this == PAGED_ADAMW; }

        /**
         * Bytes of optimizer state per trainable parameter; {@code pure}: the parameters are kept in 16 bits with no
         * fp32 master copy; {@code lora}: the trainable parameters are LoRA adapters.
         */
        public double stateBytes(boolean pure, boolean lora) {
            return switch (this) {
                case ADAMW, ADAMW_FUSED -> pure ? 4 : 8;
                case ADAMW_8BIT, PAGED_ADAMW_8BIT -> 2;
                // bitsandbytes' 32-bit optimizers keep fp32 states whatever the parameters' dtype
                case PAGED_ADAMW -> 8;
                case ADAFACTOR -> 0.1;
                case SGD -> 0;
                // torch.optim.SGD: momentum_buffer = torch.clone(grad).detach(), in the gradient's dtype
                case SGD_MOMENTUM -> pure ? 2 : 4;
                // prodigyopt's Prodigy.step: s, p0 (a copy of the starting weights), exp_avg and exp_avg_sq, each
                // zeros_like / clone of the parameter (slice_p 1, the default); a parameter that starts all zero
                // keeps a scalar p0 instead, which is LoRA's B half of the adapters
                case PRODIGY -> (pure ? 2 : 4) * (lora ? 3.5 : 4);
                // Lion keeps one momentum, zeros_like(p) (lucidrains/lion-pytorch, the Lion paper's Algorithm 2)
                case LION -> pure ? 2 : 4;
            };
        }
    }

    /**
     * SELECTIVE: the attention core recomputed (Korthikanti et al.). SELECTIVE_OP: torchtitan's op-level selective
     * checkpointing (the outputs of attention and of every other matmul kept). OFFLOAD: full checkpointing with the
     * saved layer inputs in host RAM (Unsloth, save_on_cpu). OFFLOAD_ALL: nothing recomputed, every saved tensor in
     * host RAM (torchtune's enable_activation_offloading without enable_activation_checkpointing).
     */
    /**
     * stage3_max_live_parameters not stated. 0 is a value a config sets (the Long-Context study's cpu.json, low-memory
     * ZeRO-Infinity configs), so it cannot stand for "unsaid": read as unsaid until the thirty-fifth session, such a
     * run was budgeted with DeepSpeed's 1e9 live parameters.
     */
    public static final long LIVE_PARAMETERS_UNSET = -1;

    public enum Checkpointing { NONE, SELECTIVE, FULL, OFFLOAD, SELECTIVE_OP, OFFLOAD_ALL }

    public enum Attention { EAGER, SDPA, FLASH }

    /**
     * How the base weights are stored. INT8 and NF4 are bitsandbytes (LLM.int8, 4-bit NormalFloat); GPTQ (4-bit),
     * GPTQ_INT8 and AWQ (4-bit) are group-wise integer formats with fp16 scales and packed zeros per 128 inputs;
     * FP8 is vLLM's --quantization fp8 (one byte a weight, one scale per tensor). Q8_0, Q4_0, Q4_K_M and the
     * Q4_1, Q5_0, Q5_1 (the older block types
     * with a 5th bit or an offset), IQ types (llama.cpp's importance-matrix quants, IQ1_S to IQ4_XS) are llama.cpp's
     * GGUF file types,
     * block-quantized with their scales inside each block; Q4_K_S, Q5_K_S, Q5_K_M and Q6_K are the K-quant files
     * above Q4_K_M (GgufWeights); they come last, so gguf() is one comparison.
     */
    public enum Quant { NONE, INT8, NF4, GPTQ, GPTQ_INT8, AWQ, FP8, Q8_0, Q4_0, Q4_K_M, Q4_1, Q5_0, Q5_1,
        IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S, IQ2_M, IQ3_XXS, IQ3_XS, IQ3_S, IQ3_M, IQ4_NL, IQ4_XS,
        Q4_K_S, Q5_K_S, Q5_K_M, Q6_K;
        public boolean gguf() { return compareTo(Q8_0) >= 0; } }

    /**
     * How the loss treats the b·s·V logits. FP32: the logits upcast to fp32 for the cross-entropy, whose backward
     * holds the saved log-softmax and two fp32 gradients (HF's ForCausalLMLoss upcast, torchtitan). NATIVE:
     * cross-entropy on the 16-bit logits, which saves a 16-bit log-softmax (Qwen v1's remote code, litgpt's chunked
     * loss). FUSED: the logits are materialised once and the loss is fused over them (torch.compile'd loss as in
     * nanochat); its backward writes their gradient beside them. FUSED_LINEAR: lm_head and loss fused per chunk, no
     * full logits (Liger's fused linear cross-entropy, Unsloth). CHUNKED: the logits computed and upcast chunk by
     * chunk, not compiled (torchtune's LinearCrossEntropyLoss and CEWithChunkedOutputLoss, 8 chunks): each chunk's
     * fp32 log-softmax is saved.
     */
    public enum Loss { FP32, NATIVE, FUSED, FUSED_LINEAR, CHUNKED }

    /**
     * How a 4-bit or 8-bit base runs. AS_LOADED: bitsandbytes 0.43.2 or later, the modules it leaves unquantized
     * (embeddings, norms, lm_head) in the load dtype. PEFT_FP32: PEFT's prepare_model_for_kbit_training, which TRL's
     * SFTTrainer calls on a quantized model unless it is sharded by FSDP/ZeRO-3, casts those modules to fp32, so the
     * residual stream runs in fp32. SAVES_INPUT: bitsandbytes before 0.43.2, whose 4-bit matmul kept its input for a
     * backward that never used it (removed by bitsandbytes PR #1270, July 2024).
     */
    public enum Kbit { AS_LOADED, PEFT_FP32, SAVES_INPUT }

    /**
     * Which linear layers carry LoRA adapters: all of them, the four attention projections (q, k, v, o), or only the
     * query and value projections (the LoRA paper, litgpt).
     */
    public enum LoraTargets { ALL, ATTENTION, QV }

    /**
     * The checkpointing a setup takes when the user did not say: full for a LoRA run on a 4-bit or 8-bit base, none
     * otherwise. PEFT's prepare_model_for_kbit_training turns gradient checkpointing on unless told not to
     * (use_gradient_checkpointing=True, peft/utils/other.py), and the common k-bit recipes (QLoRA's qlora.py,
     * axolotl's and LLaMA-Factory's QLoRA examples, Unsloth) train with it on.
     */
    public static Checkpointing unstatedCheckpointing(Mode mode, int loraRank, Quant quant) {
        boolean kbitAdapters = mode == Mode.TRAIN && loraRank > 0 && quant != Quant.NONE && !quant.gguf();
        return kbitAdapters ? Checkpointing.FULL : Checkpointing.NONE;
    }

    /** CLI spelling: "mixed-bf16" → MIXED_BF16, "8bit" → INT8, "4bit" → NF4. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (type == Quant.class) v = v.replace("8BIT", "INT8").replace("4BIT", "NF4");
        if (type == Optimizer.class) v = v.replace("ADAM_", "ADAMW_").replace("ADAMW8BIT", "ADAMW_8BIT");
        return Enum.valueOf(type, v);
    }

    /** A setup of this model with PEFT's, PyTorch's and HF's defaults for everything not set. */
    public static Builder builder(ModelSpec model) { return new Builder(model); }

    /** A builder holding this setup, to change some of it (every field carried over). */
    public Builder toBuilder() {
        Builder b = new Builder(model);
        b.seq = seq; b.batch = batch; b.mode = mode; b.precision = precision; b.optimizer = optimizer;
        b.checkpointing = checkpointing; b.attention = attention; b.zeroStage = zeroStage; b.gpus = gpus;
        b.loraRank = loraRank; b.quant = quant; b.contextBytes = contextBytes; b.offloadOptimizer = offloadOptimizer;
        b.loraTargets = loraTargets; b.loss = loss; b.gradientsKept = gradientsKept; b.kbit = kbit;
        b.loraDropout = loraDropout; b.kvCacheBytes = kvCacheBytes; b.gpuMemoryUtilization = gpuMemoryUtilization;
        b.offloadParams = offloadParams; b.optimizerInBackward = optimizerInBackward;
        b.promptLogits = promptLogits; b.doubleQuant = doubleQuant; b.contextTokens = contextTokens;
        b.slots = slots; b.layerSplit = layerSplit; b.fsdp = fsdp; b.savedModuleParams = savedModuleParams;
        b.checkpointingAssumed = checkpointingAssumed; b.liveParameters = liveParameters;
        b.reduceBucket = reduceBucket; b.overlapComm = overlapComm; b.optimizerAssumed = optimizerAssumed;
        b.lossAssumed = lossAssumed; b.headQuantized = headQuantized; b.ligerKernels = ligerKernels;
        return b;
    }

    /** The copies of the model that each take their own micro-batch: one when the layers are split over the GPUs. */
    public int dataParallel() { return layerSplit ? 1 : Math.max(1, gpus); }

    public Setup withBatch(int b) { return toBuilder().batch(b).build(); }
    public Setup withSeq(int s) { return toBuilder().seq(s).build(); }
    public Setup withPrecision(Precision p) { return toBuilder().precision(p).build(); }
    public Setup withOptimizer(Optimizer o) { return toBuilder().optimizer(o).optimizerAssumed(false).build(); }
    public Setup withCheckpointing(Checkpointing c) {
        return toBuilder().checkpointing(c).checkpointingAssumed(false).build();
    }
    public Setup withAttention(Attention a) { return toBuilder().attention(a).build(); }
    public Setup withZero(int z) { return toBuilder().zeroStage(z).build(); }
    public Setup withOffload() { return toBuilder().offloadOptimizer(true).build(); }
    public Setup withLoraTargets(LoraTargets t) { return toBuilder().loraTargets(t).build(); }
    public Setup withLoss(Loss l) { return toBuilder().loss(l).lossAssumed(false).build(); }
    public Setup withGpus(int n) { return toBuilder().gpus(n).build(); }
    /**
     * Gradients held through the forward: gradient accumulation (the last micro-batch's gradients wait for the next),
     * or zero_grad() that zeroes instead of freeing (PyTorch before 2.0, set_to_none=False).
     */
    public Setup withGradientsKept(boolean a) { return toBuilder().gradientsKept(a).build(); }
    public Setup withKbit(Kbit k) { return toBuilder().kbit(k).build(); }
    /** Dropout before the adapters (litgpt's 0.05, most QLoRA recipes' 0.05 or 0.1); PEFT's default is none. */
    public Setup withLoraDropout(boolean d) { return toBuilder().loraDropout(d).build(); }
    public Setup withLora(int r, Quant q) { return toBuilder().loraRank(r).quant(q).build(); }
    /** The CUDA context the card holds beside the job's tensors (0 when a measurement leaves it out). */
    public Setup withContext(long bytes) { return toBuilder().contextBytes(bytes).build(); }

    /**
     * Builds a setup field by field; what is not set keeps the common case: one GPU, batch 1, training in mixed bf16
     * with torch's AdamW, no checkpointing, SDPA, no LoRA, no context, the HF loss and PEFT's defaults.
     */
    public static final class Builder {
        private final ModelSpec model;
        private int seq;
        private int batch = 1;
        private Mode mode = Mode.TRAIN;
        private Precision precision = Precision.MIXED_BF16;
        private Optimizer optimizer = Optimizer.ADAMW;
        private Checkpointing checkpointing = Checkpointing.NONE;
        private Attention attention = Attention.SDPA;
        private int zeroStage;
        private int gpus = 1;
        private int loraRank;
        private Quant quant = Quant.NONE;
        private long contextBytes;
        private boolean offloadOptimizer;
        private LoraTargets loraTargets = LoraTargets.ALL;
        private Loss loss = Loss.FP32;
        private boolean gradientsKept;
        private Kbit kbit = Kbit.AS_LOADED;
        private boolean loraDropout;
        private int kvCacheBytes;
        private double gpuMemoryUtilization;
        private boolean offloadParams;
        private boolean optimizerInBackward;
        private boolean promptLogits;
        private boolean doubleQuant;
        private int contextTokens;
        private int slots = 1;
        private boolean layerSplit;
        private boolean fsdp;
        private long savedModuleParams;
        private boolean optimizerAssumed;
        private boolean lossAssumed;
        private boolean headQuantized;
        private boolean ligerKernels;
        private boolean checkpointingAssumed;
        /**
         * DeepSpeed's stage3_max_live_parameters as the run sets it, 0 included (nothing kept gathered beyond the
         * module running); {@link #LIVE_PARAMETERS_UNSET} for its default (1e9).
         */
        private long liveParameters = LIVE_PARAMETERS_UNSET;
        /** DeepSpeed's reduce_bucket_size (elements) as the run sets it; 0 when not stated. */
        private long reduceBucket;
        /** DeepSpeed's overlap_comm as the run sets it (its default: off at stages 1-2, on at stage 3). */
        private boolean overlapComm;

        private Builder(ModelSpec model) { this.model = model; }

        public Builder seq(int v) { seq = v; return this; }
        public Builder batch(int v) { batch = v; return this; }
        public Builder mode(Mode v) { mode = v; return this; }
        public Builder precision(Precision v) { precision = v; return this; }
        public Builder optimizer(Optimizer v) { optimizer = v; return this; }
        public Builder checkpointing(Checkpointing v) { checkpointing = v; return this; }
        public Builder attention(Attention v) { attention = v; return this; }
        public Builder zeroStage(int v) { zeroStage = v; return this; }
        public Builder gpus(int v) { gpus = v; return this; }
        public Builder loraRank(int v) { loraRank = v; return this; }
        public Builder quant(Quant v) { quant = v; return this; }
        public Builder contextBytes(long v) { contextBytes = v; return this; }
        public Builder offloadOptimizer(boolean v) { offloadOptimizer = v; return this; }
        public Builder loraTargets(LoraTargets v) { loraTargets = v; return this; }
        public Builder loss(Loss v) { loss = v; return this; }
        public Builder gradientsKept(boolean v) { gradientsKept = v; return this; }
        public Builder kbit(Kbit v) { kbit = v; return this; }
        public Builder loraDropout(boolean v) { loraDropout = v; return this; }
        /** Bytes a KV cache value takes: 0 is the model's dtype, 1 is vLLM's --kv-cache-dtype fp8. */
        public Builder kvCacheBytes(int v) { kvCacheBytes = v; return this; }
        /**
         * vLLM's --gpu-memory-utilization: the share of the card the engine pre-allocates, the KV cache taking what
         * the weights and the profiled activations leave; 0 when the server is not vLLM.
         */
        public Builder gpuMemoryUtilization(double v) { gpuMemoryUtilization = v; return this; }
        /**
         * ZeRO-3's offload_param (FSDP's CPUOffload(offload_params=True)): the parameter shards live in host RAM and
         * only the units being gathered come to the GPU; it goes with the optimizer offload.
         */
        public Builder offloadParams(boolean v) { offloadParams = v; return this; }
        /**
         * The optimizer steps each parameter as soon as its gradient is accumulated and frees that gradient
         * (torchtune's optimizer_in_bwd: one optimizer per parameter, a post-accumulate-grad hook that steps and
         * zeroes with set_to_none); it rules out gradient accumulation.
         */
        public Builder optimizerInBackward(boolean v) { optimizerInBackward = v; return this; }
        /**
         * Inference computes the logits of every position, not the last one only: a forward for scoring or
         * perplexity, or generate() before transformers 4.45 (no logits_to_keep), whose LlamaForCausalLM also upcast
         * them to fp32.
         */
        public Builder promptLogits(boolean v) { promptLogits = v; return this; }
        /**
         * NF4 with its block constants quantized again (bitsandbytes' bnb_4bit_use_double_quant / compress_statistics,
         * the QLoRA paper's double quantization; axolotl and Unsloth turn it on, transformers' default is off;
         * torchao's NF4Tensor, which torchtune's QLoRA uses, stores its scalers the same way).
         */
        public Builder doubleQuant(boolean v) { doubleQuant = v; return this; }

        /**
         * llama.cpp's --ctx-size (ollama's num_ctx): the server allocates the KV cache of that many tokens when it
         * loads the model, shared by its parallel slots; 0 when the server does not reserve a context up front.
         */
        public Builder contextTokens(int v) { contextTokens = v; return this; }
        /** llama-server's --parallel: the slots that split the context evenly, n_ctx / slots tokens each. */
        public Builder slots(int v) { slots = v; return this; }
        /**
         * The layers spread over the GPUs in order, one copy of the model (accelerate's device_map "auto",
         * "balanced", "sequential"; transformers' from_pretrained(device_map=...)): each GPU runs its own layers in
         * turn, a naive pipeline, not tensor parallel and not data parallel.
         */
        public Builder layerSplit(boolean v) { layerSplit = v; return this; }
        /**
         * The sharding is PyTorch FSDP (FULL_SHARD, fully_shard), not DeepSpeed ZeRO: under mixed precision the
         * shards FSDP keeps are the fp32 parameters themselves, cast to 16 bits only at the all-gather, where
         * DeepSpeed keeps a 16-bit partition beside the optimizer's fp32 master copy.
         */
        public Builder fsdp(boolean v) { fsdp = v; return this; }
        /**
         * Parameters of the modules a LoRA run trains in full beside its adapters (PEFT's modules_to_save, often
         * embed_tokens and lm_head): each is wrapped with a trainable copy next to the frozen original.
         */
        public Builder savedModuleParams(long v) { savedModuleParams = v; return this; }

        /**
         * The checkpointing was not stated and was taken from {@link #unstatedCheckpointing}: the estimate says so.
         * A later explicit choice (the ladder's rung, a flag) clears it.
         */
        public Builder checkpointingAssumed(boolean v) { checkpointingAssumed = v; return this; }
        public Builder liveParameters(long v) { liveParameters = v; return this; }
        public Builder reduceBucket(long v) { reduceBucket = v; return this; }
        public Builder overlapComm(boolean v) { overlapComm = v; return this; }
        /** The optimizer was not stated and torch's AdamW was taken: the estimate says so. */
        public Builder optimizerAssumed(boolean v) { optimizerAssumed = v; return this; }
        /** The loss was not stated and the upcast cross-entropy was taken: the estimate says so. */
        public Builder lossAssumed(boolean v) { lossAssumed = v; return this; }
        /**
         * The 4-bit or 8-bit quantization covers the lm_head too, beside an untied 16-bit input embedding: Lightning
         * Fabric's BitsandbytesPrecision, as litgpt's --quantize bnb.* builds it (no ignore_modules), swaps every
         * nn.Linear; transformers' bitsandbytes integration leaves the output embedding out.
         */
        public Builder headQuantized(boolean v) { headQuantized = v; return this; }
        /**
         * Liger's kernels patched into a Llama-family model (use_liger_kernel, AutoLigerKernelForCausalLM,
         * apply_liger_kernel_to_*): RMSNorm saves its 16-bit input and one fp32 rstd a row, SwiGLU its gate and up
         * only (liger_kernel/ops/rms_norm.py, swiglu.py). The loss is set apart ({@link Loss#FUSED_LINEAR}).
         */
        public Builder ligerKernels(boolean v) { ligerKernels = v; return this; }

        public Setup build() {
            return new Setup(model, seq, batch, mode, precision, optimizer, checkpointing, attention, zeroStage, gpus,
                    loraRank, quant, contextBytes, offloadOptimizer, loraTargets, loss, gradientsKept, kbit,
                    loraDropout, kvCacheBytes, gpuMemoryUtilization, offloadParams, optimizerInBackward,
                    promptLogits, doubleQuant, contextTokens, slots, layerSplit, fsdp, savedModuleParams,
                    checkpointingAssumed, liveParameters, reduceBucket, overlapComm, optimizerAssumed,
                    lossAssumed, headQuantized, ligerKernels);
        }
    }
}
