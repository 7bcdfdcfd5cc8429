package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

import java.util.ArrayList;
import java.util.List;

/**
 * What a setup the user states after a failure changes ("it's the 72B model, on one A100 80GB", "GPU: L40s x 2",
 * "16gb VRAM, large-v2, 20 batch size"): the weights of the model held at its format against the card held, the
 * cards' sum with why it is no single pool, and the batch as the lever once the weights fit. Knowledge passages found
 * by such a statement's words (the model's name, the card's) answer questions nobody asked, so these lines replace
 * them.
 */
final class StatedSetup {
    private static final double FP32 = 4;
    private static final double HALF = 2;
    private static final double INT8 = 1;
    private static final double NF4 = 0.5;

    private StatedSetup() {}

    /** The lines, or an empty list when the statement names none of the model, the card, the cards or the batch. */
    static List<String> of(Facts stated, Facts now) {
        List<String> out = new ArrayList<>();
        boolean weights = stated.params() != null || stated.model() != null || stated.gpuMemBytes() != null
                || stated.gpuName() != null || stated.precision() != null || stated.quant() != null;
        Boolean fits = null;
        if (weights && now.params() != null && now.gpuMemBytes() != null) {
            double per = bytesPerWeight(now);
            double bytes = now.params() * per;
            fits = bytes < now.gpuMemBytes();
            out.add(Messages.get(fits ? "stated.weights.within" : "stated.weights.over", Sizes.count(now.params()),
                    Sizes.trim(per), Sizes.gb(bytes), Sizes.human(now.gpuMemBytes())));
        }
        Integer cards = stated.worldSize();
        if (cards != null && cards > 1 && now.gpuMemBytes() != null) {
            out.add(Messages.get("stated.cards", cards, Sizes.human(now.gpuMemBytes()),
                    Sizes.human((double) cards * now.gpuMemBytes())));
        }
        // the batch is the lever only where the weights leave room: over the card, no batch is small enough
        if (stated.batch() != null && stated.batch() > 1 && !Boolean.FALSE.equals(fits)) {
            out.add(Messages.get("stated.batch", stated.batch()));
        }
        return out;
    }

    /** Bytes a weight takes in the format held: the quantisation, else the precision, else 16-bit. */
    private static double bytesPerWeight(Facts f) {
        if ("4bit".equals(f.quant())) return NF4;
        if ("8bit".equals(f.quant())) return INT8;
        return "fp32".equals(f.precision()) ? FP32 : HALF;
    }
}
