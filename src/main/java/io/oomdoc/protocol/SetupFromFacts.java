package io.oomdoc.protocol;

import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.budget.ModelSpec;
import io.oomdoc.budget.Setup;

import java.util.Optional;

/** Builds a budget setup from what the conversation established, with named defaults for the rest. */
public final class SetupFromFacts {

    /** PEFT's LoraConfig default rank when the user names LoRA without one. */
    static final int DEFAULT_LORA_RANK = 16;

    private SetupFromFacts() {}

    public static Optional<Setup> from(Facts f) {
        ModelSpec model = model(f);
        if (model == null) return Optional.empty();
        Setup.Precision precision = precision(f.precision());
        Setup.Optimizer opt = f.optimizer() == null ? Setup.Optimizer.ADAMW : parseOr(Setup.Optimizer.class,
                f.optimizer(), Setup.Optimizer.ADAMW);
        // A stack that only runs models never trains: no gradients or optimizer state, whatever phase was read.
        Setup.Mode mode = PhaseHints.runsOnly(f.phaseHint())
                || Engines.runsModelsOnly(f.framework()) ? Setup.Mode.INFER : Setup.Mode.TRAIN;
        // 4-bit weights in a job that trains are QLoRA's frozen base; in one that only runs the model they are the
        // weights served, with no adapter (a 4-bit Mixtral asked to fit a 3090 is not a QLoRA fine-tune)
        boolean fourBit = "4bit".equals(f.quant());
        boolean qlora = Boolean.TRUE.equals(f.qlora()) || fourBit && mode == Setup.Mode.TRAIN;
        boolean lora = qlora || Boolean.TRUE.equals(f.lora()) || f.loraRank() != null;
        Setup.Quant quant = qlora || fourBit ? Setup.Quant.NF4
                : "8bit".equals(f.quant()) ? Setup.Quant.INT8 : Setup.Quant.NONE;
        // a GGUF file that is run is sized at its own type (Q5_K_M is neither 4-bit NF4 nor 8-bit); a type the budget
        // has no row for (Q3_K_M, Q2_K) keeps its 4-bit class
        Setup.Quant file = mode == Setup.Mode.INFER ? ggufType(f.gguf()) : null;
        if (file != null) quant = file;
        Setup.Attention attention = f.attention() == null ? Setup.Attention.SDPA : parseOr(Setup.Attention.class,
                f.attention(), Setup.Attention.SDPA);
        int zero = f.zeroStage() == null ? 0 : f.zeroStage();
        int rank = lora ? (f.loraRank() == null ? DEFAULT_LORA_RANK : f.loraRank()) : 0;
        // unsaid, checkpointing follows the k-bit recipes' default (on for QLoRA), and the estimate says so
        boolean ckAssumed = f.checkpointing() == null;
        Setup.Checkpointing ck = ckAssumed ? Setup.unstatedCheckpointing(mode, rank, quant)
                : f.checkpointing() ? Setup.Checkpointing.FULL : Setup.Checkpointing.NONE;
        // Unsloth trains with its own checkpointing, which keeps the layer inputs in host RAM
        // (use_gradient_checkpointing="unsloth" in its notebooks), and its cross-entropy kernel never holds the fp32
        // logits (unsloth/kernels/cross_entropy_loss.py): a job budgeted as plain transformers was 3x over the
        // measured peaks of Unsloth QLoRA runs (budget/measured_heldout14.json, the two ID2223 lab reports)
        boolean unsloth = "unsloth".equals(f.framework()) && mode == Setup.Mode.TRAIN;
        if (unsloth && ck == Setup.Checkpointing.FULL) ck = Setup.Checkpointing.OFFLOAD;
        // device_map spreads one copy's layers over the cards (a layer split); under ZeRO/FSDP the sharding rules
        return Optional.of(Setup.builder(model).seq(f.seqLen() == null ? 0 : f.seqLen())
                .batch(f.batch() == null ? 0 : f.batch()).mode(mode).precision(precision).optimizer(opt)
                .checkpointing(ck).checkpointingAssumed(ckAssumed && ck == Setup.Checkpointing.FULL)
                .attention(attention).zeroStage(zero).layerSplit(f.deviceMap() != null && zero == 0)
                .fsdp(Boolean.TRUE.equals(f.fsdp()) && zero > 0).offloadOptimizer(offloaded(f, mode, zero))
                .offloadParams(offloaded(f, mode, zero) && zero == 3 && "params".equals(f.offload()))
                .gpus(f.worldSize() == null ? 1 : f.worldSize())
                .loraRank(rank).quant(quant).loss(unsloth ? Setup.Loss.FUSED_LINEAR : Setup.Loss.FP32)
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).build());
    }

    /** The catalog's model named, else one shaped like the catalog model closest to the size said; null if neither. */
    private static ModelSpec model(Facts f) {
        ModelSpec model = f.model() == null ? null : ModelCatalog.find(f.model()).orElse(null);
        return model == null && f.params() != null ? shapedLike(f.params()) : model;
    }

    /**
     * The optimizer state (and with "params" at stage 3 the parameters) in host RAM: only in a job that trains and
     * shards, since ZeRO's and FSDP's offload need a sharding stage; an "offload" said of a served model (accelerate's
     * device_map offload, llama.cpp layers) is no optimizer offload.
     */
    private static boolean offloaded(Facts f, Setup.Mode mode, int zero) {
        return mode == Setup.Mode.TRAIN && zero > 0 && f.offload() != null && !f.offload().equals("none");
    }

    /** The budget's row for a GGUF file type held ("q5_k_m" → Q5_K_M), or null when it has none. */
    static Setup.Quant ggufType(String gguf) {
        if (gguf == null) return null;
        try {
            Setup.Quant q = Setup.Quant.valueOf(gguf.toUpperCase(java.util.Locale.ROOT));
            return q.gguf() ? q : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The precision a fact names; unsaid, mixed bf16. */
    private static Setup.Precision precision(String said) {
        return said == null ? Setup.Precision.MIXED_BF16 : switch (said) {
            case "bf16" -> Setup.Precision.MIXED_BF16; // "bf16" in a config (HF bf16=True, autocast) is mixed precision
            case "fp16" -> Setup.Precision.MIXED_FP16;
            case "fp32" -> Setup.Precision.FP32;
            case "bf16-true" -> Setup.Precision.BF16; // kohya's --full_bf16, Lightning's bf16-true: no fp32 master
            default -> parseOr(Setup.Precision.class, said, Setup.Precision.MIXED_BF16);
        };
    }

    /** A model known by its size takes the shape (layers, width, vocabulary) of the catalog model closest in size. */
    static ModelSpec shapedLike(long params) {
        String name = String.format(java.util.Locale.ROOT, "%.1fB-parameter model", params / 1e9);
        return ModelCatalog.closestInSize(params)
                .map(m -> new ModelSpec(name + " (shape of " + m.name() + ")", params, m.layers(), m.hidden(),
                        m.heads(),
                        m.kvHeads(), m.ffn(), m.vocab(), m.tiedEmbeddings(), 0, 0, m.headDimension(), m.mlp()))
                .orElse(ModelSpec.ofParams(name, params));
    }

    /** A value the budget has no row for (Lion, "adam") is budgeted as the closest it knows. */
    private static <E extends Enum<E>> E parseOr(Class<E> type, String value, E fallback) {
        try {
            return Setup.parse(type, value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
