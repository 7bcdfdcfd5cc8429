package io.oomdoc.budget;

import java.util.Locale;

/** The training or inference setup whose memory is estimated. Enum names mirror the CLI flag values. */
public record Setup(ModelSpec model, int seq, int batch, Mode mode, Precision precision, Optimizer optimizer,
                    Checkpointing checkpointing, Attention attention, int zeroStage, int gpus, int loraRank,
                    Quant quant, long contextBytes, boolean offloadOptimizer, LoraTargets loraTargets, Loss loss) {

    /** The loss as HF's ForCausalLMLoss and torchtitan compute it, over fp32-upcast logits: the default. */
    public Setup(ModelSpec model, int seq, int batch, Mode mode, Precision precision, Optimizer optimizer,
            Checkpointing checkpointing, Attention attention, int zeroStage, int gpus, int loraRank, Quant quant,
            long contextBytes, boolean offloadOptimizer, LoraTargets loraTargets) {
        this(model, seq, batch, mode, precision, optimizer, checkpointing, attention, zeroStage, gpus, loraRank, quant,
                contextBytes, offloadOptimizer, loraTargets, Loss.FP32);
    }

    /** LoRA on every linear layer (PEFT "all-linear", Qwen, LLaMA-Factory "all"): the default. */
    public Setup(ModelSpec model, int seq, int batch, Mode mode, Precision precision, Optimizer optimizer,
            Checkpointing checkpointing,
                 Attention attention, int zeroStage, int gpus, int loraRank, Quant quant, long contextBytes,
                         boolean offloadOptimizer) {
        this(model, seq, batch, mode, precision, optimizer, checkpointing, attention, zeroStage, gpus, loraRank,
                quant, contextBytes, offloadOptimizer, LoraTargets.ALL);
    }

    /** Without CPU offload: the common case. */
    public Setup(ModelSpec model, int seq, int batch, Mode mode, Precision precision, Optimizer optimizer,
            Checkpointing checkpointing,
                 Attention attention, int zeroStage, int gpus, int loraRank, Quant quant, long contextBytes) {
        this(model, seq, batch, mode, precision, optimizer, checkpointing, attention, zeroStage, gpus, loraRank,
                quant, contextBytes, false);
    }

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
     * copy.
     */
    public enum Optimizer { ADAMW, ADAMW_FUSED, ADAMW_8BIT, PAGED_ADAMW_8BIT, ADAFACTOR, SGD, SGD_MOMENTUM;
        public boolean adam() { return this == ADAMW || this == ADAMW_FUSED; } }

    /** OFFLOAD: full checkpointing with the saved layer inputs in host RAM (Unsloth, save_on_cpu). */
    public enum Checkpointing { NONE, SELECTIVE, FULL, OFFLOAD }

    public enum Attention { EAGER, SDPA, FLASH }

    public enum Quant { NONE, INT8, NF4 }

    /**
     * How the loss treats the b·s·V logits. FP32: 16-bit logits, an fp32 copy and the fp32 log-softmax cross-entropy
     * saves (HF's ForCausalLMLoss upcast, torchtitan). NATIVE: cross-entropy on the 16-bit logits, which saves a 16-bit
     * log-softmax (Qwen v1's remote code, litgpt's chunked loss). FUSED: the logits are materialised once and the loss
     * is fused over them (torch.compile'd loss as in nanochat). FUSED_LINEAR: lm_head and loss fused per chunk, no
     * full logits (Liger's fused linear cross-entropy, Unsloth).
     */
    public enum Loss { FP32, NATIVE, FUSED, FUSED_LINEAR }

    /**
     * Which linear layers carry LoRA adapters: all of them, or only the attention query and value projections (the
     * LoRA paper, litgpt).
     */
    public enum LoraTargets { ALL, QV }

    /** CLI spelling: "mixed-bf16" → MIXED_BF16, "8bit" → INT8, "4bit" → NF4. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (type == Quant.class) v = v.replace("8BIT", "INT8").replace("4BIT", "NF4");
        if (type == Optimizer.class) v = v.replace("ADAM_", "ADAMW_").replace("ADAMW8BIT", "ADAMW_8BIT");
        return Enum.valueOf(type, v);
    }

    public Setup withBatch(int b) { return new Setup(model, seq, b, mode, precision, optimizer, checkpointing,
            attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets, loss); }
    public Setup withSeq(int s) { return new Setup(model, s, batch, mode, precision, optimizer, checkpointing,
            attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets, loss); }
    public Setup withPrecision(Precision p) { return new Setup(model, seq, batch, mode, p, optimizer, checkpointing,
            attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets, loss); }
    public Setup withOptimizer(Optimizer o) { return new Setup(model, seq, batch, mode, precision, o, checkpointing,
            attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets, loss); }
    public Setup withCheckpointing(Checkpointing c) { return new Setup(model, seq, batch, mode, precision, optimizer,
            c, attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets, loss); }
    public Setup withAttention(Attention a) { return new Setup(model, seq, batch, mode, precision, optimizer,
            checkpointing, a, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets, loss); }
    public Setup withZero(int z) { return new Setup(model, seq, batch, mode, precision, optimizer, checkpointing,
            attention, z, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets, loss); }
    public Setup withOffload() { return new Setup(model, seq, batch, mode, precision, optimizer, checkpointing,
            attention, zeroStage, gpus, loraRank, quant, contextBytes, true, loraTargets, loss); }
    public Setup withLoraTargets(LoraTargets t) { return new Setup(model, seq, batch, mode, precision, optimizer,
            checkpointing, attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, t, loss); }
    public Setup withLoss(Loss l) { return new Setup(model, seq, batch, mode, precision, optimizer, checkpointing,
            attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets, l); }
    public Setup withGpus(int n) { return new Setup(model, seq, batch, mode, precision, optimizer, checkpointing,
            attention, zeroStage, n, loraRank, quant, contextBytes, offloadOptimizer, loraTargets, loss); }
    public Setup withLora(int r, Quant q) { return new Setup(model, seq, batch, mode, precision, optimizer,
            checkpointing, attention, zeroStage, gpus, r, q, contextBytes, offloadOptimizer, loraTargets, loss); }
}
