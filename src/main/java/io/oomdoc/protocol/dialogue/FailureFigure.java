package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import io.oomdoc.protocol.SetupFromFacts;
import io.oomdoc.util.Bytes;

import java.util.Locale;
import java.util.Optional;

/**
 * The figure an expert opens a "the model does not fit" failure with: what the model named costs at its precision
 * before anything else runs. A full fine-tune costs its states per parameter (weights, gradients, AdamW moments); a
 * model that is run, or the frozen base under LoRA, costs its weights. Only for that cause, and only when the model's
 * size is known: for any other cause the weights are not what to cut.
 */
final class FailureFigure {
    private static final String CAUSE = "model_too_large";

    private FailureFigure() {}

    /** The line, or null when the cause is another or no parameter count is held. */
    static String of(Facts f, Report report, Optional<Regime.Kind> regime) {
        if (report == null || !CAUSE.equals(report.category()) || f.params() == null) return null;
        Optional<Setup> setup = SetupFromFacts.from(Regime.budgeted(f, regime));
        boolean adapters = Boolean.TRUE.equals(f.lora()) || Boolean.TRUE.equals(f.qlora());
        if (setup.isPresent() && setup.get().mode() == Setup.Mode.TRAIN && !adapters) {
            // one copy's states wherever they live: an offload moves them to host RAM, it does not shrink them
            Budget one = new BudgetEngine().estimate(setup.get().withBatch(1).withGpus(1).toBuilder()
                    .offloadOptimizer(false).offloadParams(false).build(), null);
            long all = BudgetAnswers.fixedCost(one), params = one.params();
            if (params > 0) return Messages.get("figure.train", setup.get().model().name(),
                    String.format(Locale.ROOT, "%.1f", (double) all / params),
                    String.format(Locale.ROOT, "%.1f", (double) all / params), Sizes.count(params), Bytes.human(all),
                    String.format(Locale.ROOT, "%.0f GB", all / 1e9));
        }
        // the format held, not one the pasted text mentions in passing (a version, another model's size)
        String format = "4bit".equals(f.quant()) ? "4-bit" : "8bit".equals(f.quant()) ? "8-bit" : "";
        return Sizes.weights(format, f);
    }
}
