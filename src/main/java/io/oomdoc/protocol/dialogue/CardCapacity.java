package io.oomdoc.protocol.dialogue;

import io.oomdoc.util.Bytes;

import java.util.Locale;

/**
 * "Can a single RTX 2080 Ti (11 GB) train ControlNet++?": without the model's size the verdict is conditional, and
 * the condition is a figure the card alone gives: the largest model whose states fit it. Bytes per parameter are the
 * knowledge base's (M1: 16 for AdamW in mixed precision, 2 for 16-bit weights, about 0.5 for 4-bit); a slice of the
 * card stays for the CUDA context and the activations, which the model's size alone does not set.
 */
final class CardCapacity {
    /** The CUDA context and the allocator's cache take about a GiB whatever the model (M2). */
    static final long CONTEXT = Bytes.GIB;
    /** What is left after the context keeps a fifth for the activations of batch 1 and the allocator's slack. */
    private static final double FOR_STATES = 0.8;
    /** A full fine-tune with AdamW in mixed precision: StateBytes' sum (16), so both answers use one table. */
    private static final double FULL_TRAIN = StateBytes.of("").total();
    private static final double LORA = 2.2, HALF = 2, EIGHT_BIT = 1, FOUR_BIT = 0.55;

    private CardCapacity() {}

    /**
     * What a card holds of a model's weights or states with room to spare: the CUDA context taken, a fifth of the rest
     * kept for the activations (or a served model's KV cache) and the allocator's slack.
     */
    static long roomForStates(long cardBytes) { return (long) ((cardBytes - CONTEXT) * FOR_STATES); }

    /** The sentence for a card of this many bytes and the job's regime; null for a card too small to say one. */
    static String of(long cardBytes, Regime.Kind kind) {
        double states = roomForStates(cardBytes);
        if (states <= 0) return null;
        return kind == Regime.Kind.TRAIN
                ? Messages.get("fit.capacity.train", params(states, FULL_TRAIN), params(states, LORA),
                        params(states, FOUR_BIT))
                : Messages.get("fit.capacity.infer", params(states, HALF), params(states, EIGHT_BIT),
                        params(states, FOUR_BIT));
    }

    /** "540M", "3.9B", "16B": tens of millions below 1B, one decimal below 10B, whole billions above. */
    static String params(double bytes, double perParam) {
        double billions = bytes / perParam / 1e9;
        if (billions >= 10) return String.format(Locale.ROOT, "%.0fB", billions);
        if (billions >= 1) return String.format(Locale.ROOT, "%.1fB", billions).replace(".0B", "B");
        return String.format(Locale.ROOT, "%.0fM", Math.round(billions * 100) * 10.0);
    }
}
