package io.oomdoc.cli;

import io.oomdoc.budget.Budget;
import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.budget.Ladder;
import io.oomdoc.util.Bytes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** Text view of a budget: the terms, a stacked bar against the card, and the ladder when it does not fit. */
public final class BudgetView {
    private BudgetView() {}

    private static final Properties TEXT = load();

    private static final String[][] BUCKETS = {{"weights", "W"}, {"gradients", "G"}, {"optimizer", "O"},
            {"activations", "A"},
            {"logits", "L"}, {"kv cache", "K"}, {"overhead", "·"}};

    public static String text(Budget b, List<Ladder.Rung> ladder, Style st) { return text(b, ladder, st, null); }

    /**
     * With the setup asked about (may be null), an unknown fit names only the flags not given: a serving budget
     * given --seq asked for "--seq and --batch" and read as if the length had been ignored.
     */
    public static String text(Budget b, List<Ladder.Rung> ladder, Style st, io.oomdoc.budget.Setup setup) {
        Budget.Terms t = b.perGpuBytes();
        long[] v = {t.weights(), t.gradients(), t.optimizer(), t.activations(), t.logits(), t.kvCache(), t.overhead()};
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "params %,d (trainable %,d)%n%n", b.params(), b.trainableParams()));
        // a term the engine could not compute reads "unknown", and the total is then a lower bound
        String[] names = {null, null, null, Budget.ACTIVATIONS, Budget.LOGITS, Budget.KV_CACHE, null};
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            boolean known = names[i] == null || b.known(names[i]);
            if (!known) unknown.add(BUCKETS[i][0]);
            if (v[i] == 0 && i >= 4 && known) continue;
            String value = known ? Bytes.human(v[i]) : msg("term.unknown");
            sb.append(String.format(Locale.ROOT, "  %-12s %12s%n", BUCKETS[i][0], value));
        }
        String total = (b.complete() ? "" : "\u2265 ") + Bytes.human(t.total());
        sb.append(String.format(Locale.ROOT, "  %-12s %12s%n", "total", st.bold(total)));
        if (b.gpuBytes() != null) {
            sb.append(String.format(Locale.ROOT, "  %-12s %12s  %s%n", "gpu", Bytes.human(b.gpuBytes()),
                    b.fits() == null ? st.yellow(msg("fit.unknown", String.join(", ", unknown), missing(setup)))
                            : b.fits() ? st.green(msg("fit.yes", Bytes.human(b.headroomBytes())))
                            : st.red(msg("fit.no", Bytes.human(-b.headroomBytes())))));
            sb.append('\n').append(bar(v, b.gpuBytes(), st)).append('\n');
        }
        sb.append("\nassumptions:\n");
        // wrapped with a hanging indent: vLLM's pool assumption ran to 190 columns (trial21, vllm-project/vllm#751)
        b.assumptions().forEach(a -> sb.append("  - ")
                .append(Wrap.text(a, Wrap.DEFAULT_WIDTH - 4).replace("\n", "\n    ")).append('\n'));
        if (ladder != null && !ladder.isEmpty()) {
            sb.append("\n").append(msg("ladder.head")).append("\n");
            for (Ladder.Rung r : ladder) {
                sb.append(String.format(Locale.ROOT, "  %2d. %-48s saves %10s → %10s  %s%s%n", r.number(), r.fix(),
                        Bytes.human(r.savedBytes()),
                        Bytes.human(r.totalAfter()), rungVerdict(r, b, st), r.changesScience()
                                ? st.yellow("  " + msg("ladder.science")) : ""));
            }
            sb.append(ladderEnd(ladder, b)).append('\n');
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
        sb.append("\n   ").append(msg("bar.legend"));
        return sb.toString();
    }

    /** "fits" only on the budget's own verdict; "states fit" when the states fit but the activations are unknown. */
    private static String rungVerdict(Ladder.Rung r, Budget b, Style st) {
        if (Boolean.TRUE.equals(r.fits())) return st.green(msg("rung.fits"));
        return r.fits() == null && b.gpuBytes() != null && r.totalAfter() <= GpuCatalog.usableBytes(b.gpuBytes())
                ? st.yellow(msg("rung.statesFit")) : "";
    }

    private static String ladderEnd(List<Ladder.Rung> ladder, Budget b) {
        for (Ladder.Rung r : ladder) {
            if (Boolean.TRUE.equals(r.fits())) return msg("ladder.firstFit", r.number(), r.fix());
        }
        for (Ladder.Rung r : ladder) {
            if (r.fits() == null && b.gpuBytes() != null && r.totalAfter() <= GpuCatalog.usableBytes(b.gpuBytes())) {
                return msg("ladder.statesFit", r.number(), r.fix());
            }
        }
        return msg("ladder.none");
    }

    private static String missing(io.oomdoc.budget.Setup s) {
        if (s == null || (s.seq() <= 0 && s.batch() <= 0)) return msg("hint.seq.batch");
        if (s.seq() <= 0) return msg("hint.seq");
        return msg(s.mode() == io.oomdoc.budget.Setup.Mode.INFER ? "hint.batch.serving" : "hint.batch");
    }

    static String msg(String key, Object... args) {
        String pattern = TEXT.getProperty(key);
        if (pattern == null) throw new IllegalStateException("cli/budget.properties has no " + key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BudgetView.class.getResourceAsStream("/cli/budget.properties")) {
            if (in == null) throw new IllegalStateException("cli/budget.properties is missing from the classpath");
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
