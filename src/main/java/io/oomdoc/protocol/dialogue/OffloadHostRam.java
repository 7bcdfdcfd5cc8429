package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.Setup;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.SetupFromFacts;

import java.util.regex.Pattern;

/**
 * "With the optimizer offloaded to the CPU, how much host RAM do I need?": under ZeRO-Offload the model states leave
 * the GPU for host RAM, so the answer is bytes per parameter of the whole model, not a GPU budget. The rates are
 * DeepSpeed's own estimator's (estimate_zero3_model_states_mem_needs, deepspeed.readthedocs.io memory.html): 16 bytes
 * per parameter with offload_optimizer, 18 with offload_param too, times 1.5 for its buffers, split over the machines.
 */
final class OffloadHostRam {
    /** The host's memory asked about: "CPU RAM", "host RAM", "system memory", a bare "RAM" (never VRAM). */
    private static final Pattern ASKS = Pattern.compile("(?i)\\bhow much\\b[^?.]*?(?:\\b(?:host|cpu|system)"
            + "[ -]?(?:ram|memory)\\b|\\bram\\b)|\\b(?:host|cpu|system)[ -]?(?:ram|memory)\\b[^?.]*\\b(?:need|require"
            + "|enough)");
    /** ZeRO-Offload as people say it: offload_optimizer, "offloaded to the CPU", "CPU offloading". */
    private static final Pattern OFFLOAD = Pattern.compile("(?i)offload");
    private static final int OPTIMIZER_BYTES = 16;
    private static final int PARAMS_TOO_BYTES = 18;
    private static final double BUFFERS = 1.5;

    private OffloadHostRam() {}

    /**
     * The host RAM a full fine-tune's offloaded states take, when the turn asks for the host's memory and the turn or
     * those before it offload; null otherwise, and for adapters (their optimizer state is a few MB: the frozen base
     * is what matters, and another row sizes it) or a model nobody named.
     */
    static String of(String text, String context, Facts f) {
        if (!ASKS.matcher(text).find() || !OFFLOAD.matcher(context).find()) return null;
        if (Boolean.TRUE.equals(f.lora()) || Boolean.TRUE.equals(f.qlora())) return null;
        var setup = SetupFromFacts.from(f);
        if (setup.isEmpty() || setup.get().optimizer() != null && !adam(setup.get())) return null;
        double params = setup.get().model().params();
        return Messages.get("offload.hostram", Sizes.gb(params * OPTIMIZER_BYTES), Sizes.count(params),
                Sizes.gb(params * PARAMS_TOO_BYTES), Sizes.gb(params * PARAMS_TOO_BYTES * BUFFERS));
    }

    /** Adam's two moments are what the 16 bytes count; 8-bit Adam, SGD or Adafactor keep other states. */
    private static boolean adam(Setup s) {
        return s.optimizer().adam();
    }
}
