package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Report;
import io.oomdoc.util.TsvTable;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "Would a smaller batch help?" about the failure held, answered from its ladder (dialogue/lever-verdicts.tsv): yes
 * when the first rung pulls that lever, "it can, but not first" when a later rung does, and "not the lever for this
 * failure" when none does, each with the rung to start from. Without it the turn's words searched the knowledge and a
 * fragmentation report got passages on matmul precision and DataParallel before its first fix.
 */
final class LeverVerdict {
    /** One lever: how the answer names it, the turn's words for it, the entries whose rungs pull it. */
    record Row(String lever, Pattern said, Set<String> kb) {}

    private static final TsvTable<Row> ROWS = new TsvTable<>("dialogue/lever-verdicts.tsv", 3, c -> new Row(c[0],
            Pattern.compile(c[1]), Set.of(c[2].split(","))));
    /** A question whether something would help, not a report that it was tried (FollowUps answers that). */
    private static final Pattern ASKS = Pattern.compile("(?i)\\b(?:would|will|does|do|can|could|might)\\b"
            + ".{0,60}\\b(?:help|fix|solve)\\b");
    /** "batch size or words per batch?": a choice between two knobs, which a verdict on one does not answer. */
    private static final Pattern CHOICE = Pattern.compile("(?i)\\bor\\b");

    private LeverVerdict() {}

    static List<Row> rows() { return ROWS.rows(); }

    /** The verdict and the rung to start from, or null when the turn asks about no lever of the table. */
    static String answer(String text, Report r) {
        if (r == null || r.fixes().isEmpty() || !ASKS.matcher(text).find() || CHOICE.matcher(text).find()) return null;
        String lower = text.toLowerCase(Locale.ROOT);
        Row row = ROWS.rows().stream().filter(x -> x.said().matcher(lower).find()).findFirst().orElse(null);
        if (row == null) return null;
        List<Report.Fix> fixes = r.fixes();
        int at = -1;
        for (int i = 0; i < fixes.size() && at < 0; i++) if (row.kb().contains(fixes.get(i).kb())) at = i;
        String cause = CauseWords.of(r.category());
        Report.Fix first = fixes.get(0);
        if (at == 0) return Messages.get("lever.first", row.lever(), cause) + "\n" + rung(first);
        if (at > 0) {
            return Messages.get("lever.later", row.lever(), cause, at + 1, fixes.get(at).title()) + "\n" + rung(first);
        }
        return Messages.get("lever.not", row.lever(), cause) + "\n" + rung(first);
    }

    /** The rung by its title and the line it changes to: the figures held follow within the short answer's bound. */
    private static String rung(Report.Fix f) {
        return Messages.get("lever.rung", f.title(), f.kb()) + "\n    " + f.after().lines().findFirst().orElse("");
    }
}
