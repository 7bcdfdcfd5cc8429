package io.oomdoc.cli;

import io.oomdoc.budget.Budget;
import io.oomdoc.budget.Ladder;
import io.oomdoc.util.Bytes;

import java.util.List;
import java.util.Locale;

/** Text view of a budget: the terms, a stacked bar against the card, and the ladder when it does not fit. */
public final class BudgetView {
    private BudgetView() {}

    private static final String[][] BUCKETS = {{"weights", "W"}, {"gradients", "G"}, {"optimizer", "O"},
            {"activations", "A"},
            {"logits", "L"}, {"kv cache", "K"}, {"overhead", "·"}};

    public static String text(Budget b, List<Ladder.Rung> ladder, Style st) {
        Budget.Terms t = b.perGpuBytes();
        long[] v = {t.weights(), t.gradients(), t.optimizer(), t.activations(), t.logits(), t.kvCache(), t.overhead()};
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "params %,d (trainable %,d)%n%n", b.params(), b.trainableParams()));
        boolean activationsUnknown = b.assumptions().stream().anyMatch(a -> a.startsWith("activations not counted"));
        for (int i = 0; i < v.length; i++) {
            if (v[i] == 0 && i >= 4) continue;
            String value = i == 3 && activationsUnknown ? "unknown" : Bytes.human(v[i]);
            sb.append(String.format(Locale.ROOT, "  %-12s %12s%n", BUCKETS[i][0], value));
        }
        String total = (activationsUnknown ? "≥ " : "") + Bytes.human(t.total());
        sb.append(String.format(Locale.ROOT, "  %-12s %12s%n", "total", st.bold(total)));
        if (b.gpuBytes() != null) {
            sb.append(String.format(Locale.ROOT, "  %-12s %12s  %s%n", "gpu", Bytes.human(b.gpuBytes()),
                    b.fits() == null ? st.yellow("fit unknown: activations not counted (give --seq and --batch)")
                            : b.fits() ? st.green("fits, headroom " + Bytes.human(b.headroomBytes()))
                            : st.red("does not fit, short by " + Bytes.human(-b.headroomBytes()))));
            sb.append('\n').append(bar(v, b.gpuBytes(), st)).append('\n');
        }
        sb.append("\nassumptions:\n");
        b.assumptions().forEach(a -> sb.append("  - ").append(a).append('\n'));
        if (ladder != null && !ladder.isEmpty()) {
            sb.append("\nladder (M4), each rung on top of the previous:\n");
            for (Ladder.Rung r : ladder) {
                sb.append(String.format(Locale.ROOT, "  %2d. %-48s saves %10s → %10s  %s%s%n", r.number(), r.fix(),
                        Bytes.human(r.savedBytes()),
                        Bytes.human(r.totalAfter()), r.fits() ? st.green("fits") : "", r.changesScience()
                                ? st.yellow("  [changes the science]") : ""));
            }
            ladder.stream().filter(Ladder.Rung::fits).findFirst().ifPresentOrElse(
                    r -> sb.append("  → first fit at rung ").append(r.number()).append(": ").append(r.fix())
                            .append('\n'),
                    () -> sb.append("  → no rung fits on this card: more GPUs (ZeRO-3) or a larger card\n"));
        }
        return sb.toString();
    }

    static String bar(long[] v, long gpu, Style st) {
        int width = 60;
        long total = 0;
        for (long x : v) total += x;
        double scale = width / (double) Math.max(gpu, total);
        StringBuilder sb = new StringBuilder("  [");
        int used = 0;
        for (int i = 0; i < v.length; i++) {
            int n = (int) Math.round(v[i] * scale);
            sb.append(BUCKETS[i][1].repeat(Math.max(0, n)));
            used += n;
        }
        int cap = (int) Math.round(gpu * scale);
        if (used < cap) sb.append(" ".repeat(cap - used)).append("]");
        else { sb.insert(Math.min(sb.length(), 3 + cap), st.red("|")); sb.append(st.red(" over")); }
        sb.append("\n   W weights  G gradients  O optimizer  A activations  L logits  K kv cache  · overhead");
        return sb.toString();
    }
}
