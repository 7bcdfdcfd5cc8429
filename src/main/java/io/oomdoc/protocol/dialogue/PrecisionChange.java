package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

import java.util.Locale;

/**
 * A change of number format answered by proportion when no model is known to budget: "what if I cast the diffusion
 * model to fp16?" halves what is kept in that format whatever the model is. The format before is the one held, else
 * PyTorch's default (fp32) for a 16-bit target and a 16-bit checkpoint for an 8- or 4-bit one.
 */
final class PrecisionChange {
    private PrecisionChange() {}

    /** The proportional effect, or null when the change names no format or the format does not move. */
    static String of(Facts change, Facts held) {
        // "what if I turn on AMP?": mixed precision halves the activations, not the fp32 states; "16-mixed to
        // bf16-mixed" moves nothing at all.
        if (mixed(change.precision())) {
            if (mixed(held.precision())) return change.precision().equals(held.precision()) ? null
                    : Messages.get("precision.mixed.same", change.precision(), held.precision());
            return held.precision() == null || held.precision().equals("fp32")
                    ? Messages.get("precision.mixed", change.precision()) : null;
        }
        // "no bf16 on my V100, what if I fall back to fp32?" after AMP: leaving mixed precision doubles the
        // activations; the fp32 states AMP already kept do not move.
        if (mixed(held.precision()) && "fp32".equals(change.precision()) && change.quant() == null) {
            return Messages.get("precision.unmixed", held.precision());
        }
        Double to = bytes(change);
        if (to == null) return null;
        Double from = bytes(held);
        String fromName = name(held);
        if (from == null) {
            from = to >= 2 ? 4.0 : 2.0;
            fromName = to >= 2 ? "fp32" : "16-bit";
        }
        if (from.equals(to)) return null;
        return Messages.get("precision.change", name(change), size(to), size(from), fromName, Scaling.ratio(to / from));
    }

    /**
     * "fp16 instead of bf16" (or back): both formats take 2 bytes a value, so the budget does not move; what changes is
     * the range (fp16 needs a loss scaler, bf16 an Ampere or newer card). Null unless both are 16-bit and differ.
     */
    static String sixteenBits(Facts change, Facts held) {
        String to = change.precision(), from = held.precision();
        if (to == null || from == null || !to.contains("16") || !from.contains("16")) return null;
        return to.contains("bf16") == from.contains("bf16") ? null
                : Messages.get("precision.sixteen", from, to);
    }

    /** Bytes per stored value of a plain format or a weight quantization; null for mixed precision or none. */
    private static Double bytes(Facts f) {
        if ("4bit".equals(f.quant())) return 0.5;
        if ("8bit".equals(f.quant())) return 1.0;
        if (f.precision() == null) return null;
        return switch (f.precision()) {
            case "fp32" -> 4.0;
            case "fp16", "bf16", "bf16-true" -> 2.0;
            default -> null;
        };
    }

    private static boolean mixed(String precision) { return precision != null && precision.startsWith("mixed"); }

    private static String name(Facts f) {
        if ("4bit".equals(f.quant())) return "4-bit";
        if ("8bit".equals(f.quant())) return "8-bit";
        return f.precision();
    }

    private static String size(double b) {
        return b == Math.rint(b) ? String.format(Locale.ROOT, "%d bytes", (long) b).replace("1 bytes", "1 byte")
                : String.format(Locale.ROOT, "%.1f bytes", b);
    }
}
