package io.oomdoc.budget;

import java.util.Locale;

/** The training or inference setup whose memory is estimated. Enum names mirror the CLI flag values. */
public record Setup(ModelSpec model, int seq, int batch, Mode mode, Precision precision, Optimizer optimizer,
                    Checkpointing checkpointing, Attention attention, int zeroStage, int gpus, int loraRank,
                    Quant quant, long contextBytes, boolean offloadOptimizer, LoraTargets loraTargets) {

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

    public enum Optimizer { ADAMW, ADAMW_8BIT, PAGED_ADAMW_8BIT, ADAFACTOR, SGD, SGD_MOMENTUM }

    public enum Checkpointing { NONE, SELECTIVE, FULL }

    public enum Attention { EAGER, SDPA, FLASH }

    public enum Quant { NONE, INT8, NF4 }

    /**
     * Which linear layers carry LoRA adapters: all of them, or only the attention query and value projections (the LoRA
     * paper, litgpt).
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
            attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets); }
    public Setup withSeq(int s) { return new Setup(model, s, batch, mode, precision, optimizer, checkpointing,
            attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets); }
    public Setup withPrecision(Precision p) { return new Setup(model, seq, batch, mode, p, optimizer, checkpointing,
            attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets); }
    public Setup withOptimizer(Optimizer o) { return new Setup(model, seq, batch, mode, precision, o, checkpointing,
            attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets); }
    public Setup withCheckpointing(Checkpointing c) { return new Setup(model, seq, batch, mode, precision, optimizer,
            c, attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets); }
    public Setup withAttention(Attention a) { return new Setup(model, seq, batch, mode, precision, optimizer,
            checkpointing, a, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets); }
    public Setup withZero(int z) { return new Setup(model, seq, batch, mode, precision, optimizer, checkpointing,
            attention, z, gpus, loraRank, quant, contextBytes, offloadOptimizer, loraTargets); }
    public Setup withOffload() { return new Setup(model, seq, batch, mode, precision, optimizer, checkpointing,
            attention, zeroStage, gpus, loraRank, quant, contextBytes, true, loraTargets); }
    public Setup withLoraTargets(LoraTargets t) { return new Setup(model, seq, batch, mode, precision, optimizer,
            checkpointing, attention, zeroStage, gpus, loraRank, quant, contextBytes, offloadOptimizer, t); }
    public Setup withGpus(int n) { return new Setup(model, seq, batch, mode, precision, optimizer, checkpointing,
            attention, zeroStage, n, loraRank, quant, contextBytes, offloadOptimizer, loraTargets); }
    public Setup withLora(int r, Quant q) { return new Setup(model, seq, batch, mode, precision, optimizer,
            checkpointing, attention, zeroStage, gpus, r, q, contextBytes, offloadOptimizer, loraTargets); }
}
