package io.oomdoc.protocol;

import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.budget.ModelSpec;
import io.oomdoc.budget.Setup;

import java.util.Optional;

/** Builds a budget setup from what the conversation established, with named defaults for the rest. */
public final class SetupFromFacts {
    private SetupFromFacts() {}

    public static Optional<Setup> from(Facts f) {
        ModelSpec model = null;
        if (f.model() != null) model = ModelCatalog.find(f.model()).orElse(null);
        if (model == null && f.params() != null) model = ModelSpec.ofParams(String.format("%.1fB-parameter model", f.params() / 1e9), f.params());
        if (model == null) return Optional.empty();
        Setup.Precision precision = f.precision() == null ? Setup.Precision.MIXED_BF16 : switch (f.precision()) {
            case "bf16" -> Setup.Precision.MIXED_BF16; // "bf16" in a config (HF bf16=True, autocast) is mixed precision
            case "fp16" -> Setup.Precision.MIXED_FP16;
            case "fp32" -> Setup.Precision.FP32;
            default -> Setup.parse(Setup.Precision.class, f.precision());
        };
        Setup.Optimizer opt = f.optimizer() == null ? Setup.Optimizer.ADAMW : Setup.parse(Setup.Optimizer.class, f.optimizer());
        boolean lora = Boolean.TRUE.equals(f.lora());
        Setup.Quant quant = Boolean.TRUE.equals(f.qlora()) ? Setup.Quant.NF4 : Setup.Quant.NONE;
        Setup.Mode mode = "generation".equals(f.phaseHint()) ? Setup.Mode.INFER : Setup.Mode.TRAIN;
        return Optional.of(new Setup(model, f.seqLen() == null ? 0 : f.seqLen(), f.batch() == null ? 0 : f.batch(), mode, precision, opt,
                Boolean.TRUE.equals(f.checkpointing()) ? Setup.Checkpointing.FULL : Setup.Checkpointing.NONE,
                Setup.Attention.SDPA, 0, f.worldSize() == null ? 1 : f.worldSize(),
                lora ? 16 : 0, quant, BudgetEngine.DEFAULT_CONTEXT));
    }
}
