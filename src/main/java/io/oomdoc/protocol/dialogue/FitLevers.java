package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import io.oomdoc.util.TsvTable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Can AnimateDiff run on a common 8 GB card?", "will a single RTX 3090 (24 GB) be ok?": a fit asked about a model the
 * budget does not know. The expert's answer still starts with what is known, the card's memory, and the lever that
 * makes that kind of job fit on the stack it runs (dialogue/fit-levers.tsv), before asking which model it is.
 */
final class FitLevers {
    private static final String TABLE = "dialogue/fit-levers.tsv";
    private static final int COLUMNS = 4;

    /** One row of the table: a lever for a regime, chosen by the stack held or by the turns' words. */
    record Row(String regime, StackSelector selector, String lever) {
        boolean matches(Regime.Kind kind, String framework, String lower) {
            if (!regime.equals("any") && !regime.equals(kind.name().toLowerCase(Locale.ROOT))) return false;
            return selector.matches(framework, lower);
        }
    }

    private static final TsvTable<Row> ROWS = new TsvTable<>(TABLE, COLUMNS, c -> new Row(c[0],
            StackSelector.of(c[1], c[2]), c[3]));
    /** "how much system RAM should I have?": host memory, which no GPU lever answers. */
    private static final Pattern HOST_MEMORY = Pattern.compile("(?i)\\b(?:system|host|cpu)\\s+(?:ram|memory)\\b"
            + "|\\bram\\b");

    private FitLevers() {}

    /**
     * The card's memory (when known and asked for: a weights line may have said it), the largest model it holds for
     * that job, and the lever for the job the turns describe, newest turn first; null when no row applies. A job that
     * says neither training nor running is taken as run: that is what "can X run on it" asks. A question about host
     * RAM gets none.
     */
    static String of(List<String> newestFirst, Facts f, Optional<Regime.Kind> regime, boolean withCard) {
        if (newestFirst.isEmpty() || HOST_MEMORY.matcher(newestFirst.get(0)).find()) return null;
        String lower = String.join("\n", newestFirst).toLowerCase(Locale.ROOT);
        Regime.Kind kind = regime.orElse(Regime.Kind.INFER);
        String lever = rows().stream().filter(r -> r.matches(kind, f.framework(), lower)).map(Row::lever)
                .findFirst().orElse(null);
        if (lever == null) return null;
        String card = withCard ? card(f) : null;
        if (card == null) return lever;
        // the model is unknown, so the verdict is the largest model the card holds for this job
        String capacity = CardCapacity.of(f.gpuMemBytes(), kind);
        return capacity == null ? card + "\n" + lever : card + "\n" + capacity + "\n" + lever;
    }

    /** "The GeForce RTX 3090 has 24 GiB of memory.": the one figure of the verdict that is already known. */
    static String card(Facts f) {
        if (f.gpuMemBytes() == null) return null;
        String mem = Bytes.human(f.gpuMemBytes());
        return f.gpuName() == null || !nameFits(f.gpuName(), f.gpuMemBytes()) ? Messages.get("fit.card", mem)
                : Messages.get("fit.card.named", f.gpuName(), mem);
    }

    private static final java.util.regex.Pattern NAMED_SIZE = java.util.regex.Pattern.compile(
            "(?i)(\\d{1,3})\\s*g(?:i?b)?\\b");

    /**
     * "so would an 80 GB card do it?" after an A100 40GB: the size asked replaces the held card's, whose name then
     * no longer describes it ("The A100 40GB has 80 GiB" was said). A name without a size fits any.
     */
    static boolean nameFits(String name, long bytes) {
        java.util.regex.Matcher m = NAMED_SIZE.matcher(name);
        if (!m.find()) return true;
        double named = Double.parseDouble(m.group(1));
        double gib = bytes / (double) (1L << 30);
        // marketed GB or GiB, within the rounding either way (80 GB is 74.5 GiB, 48 GB 44.7 GiB)
        return Math.abs(gib - named) <= named * 0.1 || Math.abs(gib * 1.073741824 - named) <= named * 0.1;
    }

    static List<Row> rows() { return ROWS.rows(); }
}
