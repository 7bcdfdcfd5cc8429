package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import io.oomdoc.util.TsvTable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
    record Row(String regime, Set<String> stacks, Pattern words, String lever) {
        boolean matches(Regime.Kind kind, String framework, String lower) {
            if (!regime.equals("any") && !regime.equals(kind.name().toLowerCase(Locale.ROOT))) return false;
            if (stacks.isEmpty() && words == null) return true;
            return stacks.contains(String.valueOf(framework)) || words != null && words.matcher(lower).find();
        }
    }

    private static final TsvTable<Row> ROWS = new TsvTable<>(TABLE, COLUMNS, c -> new Row(c[0],
            c[1].equals("-") ? Set.of() : Set.of(c[1].split(",")), c[2].equals("-") ? null : Pattern.compile(c[2]),
            c[3]));
    /** "how much system RAM should I have?": host memory, which no GPU lever answers. */
    private static final Pattern HOST_MEMORY = Pattern.compile("(?i)\\b(?:system|host|cpu)\\s+(?:ram|memory)\\b"
            + "|\\bram\\b");

    private FitLevers() {}

    /**
     * The card's memory (when known and asked for: a weights line may have said it) and the lever for the job the
     * turns describe, newest turn first; null when no row applies. A job that says neither training nor running is
     * taken as run: that is what "can X run on it" asks. A question about host RAM gets none.
     */
    static String of(List<String> newestFirst, Facts f, Optional<Regime.Kind> regime, boolean withCard) {
        if (newestFirst.isEmpty() || HOST_MEMORY.matcher(newestFirst.get(0)).find()) return null;
        String lower = String.join("\n", newestFirst).toLowerCase(Locale.ROOT);
        Regime.Kind kind = regime.orElse(Regime.Kind.INFER);
        String lever = rows().stream().filter(r -> r.matches(kind, f.framework(), lower)).map(Row::lever)
                .findFirst().orElse(null);
        if (lever == null) return null;
        String card = withCard ? card(f) : null;
        return card == null ? lever : card + "\n" + lever;
    }

    /** "The GeForce RTX 3090 has 24 GiB of memory.": the one figure of the verdict that is already known. */
    static String card(Facts f) {
        if (f.gpuMemBytes() == null) return null;
        String mem = Bytes.human(f.gpuMemBytes());
        return f.gpuName() == null ? Messages.get("fit.card", mem) : Messages.get("fit.card.named", f.gpuName(), mem);
    }

    static List<Row> rows() { return ROWS.rows(); }
}
