package io.oomdoc.protocol.dialogue;

import io.oomdoc.util.TsvTable;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the rungs of a ladder act through (dialogue/fix-mechanisms.tsv). Once the user says a mechanism was tried or
 * ruled out, every rung acting through it is spent, whichever knowledge entry it comes from: "activation checkpointing
 * didn't help, what's left?" was answered with "Next rung: Checkpoint the activations" right after "that rung is spent
 * (and so are the other rungs of the same mechanism)" (ezpz#173, conversations_heldout25/P31).
 */
final class SpentMechanisms {
    private static final String TABLE = "dialogue/fix-mechanisms.tsv";
    private static final int COLUMNS = 3;

    /** One mechanism: its name, the rung titles acting through it, and the user's words naming it. */
    record Row(String name, Pattern title, Pattern said) {}

    private static final TsvTable<Row> ROWS = new TsvTable<>(TABLE, COLUMNS, c -> new Row(c[0],
            Pattern.compile(c[1]), Pattern.compile(c[2])));

    /** A clause that reports something as tried or excluded: "AC=full didn't help", "without offload". */
    private static final Pattern SPENT = Pattern.compile("(?i)\\b(?:didn'?t|did not|doesn'?t|does not|won'?t)"
            + " (?:help|work|fix|change)|\\bno (?:difference|luck|change)|\\balready\\b|\\btried\\b|ruled out"
            + "|\\bwithout\\b|\\bstill (?:oom|fails|failing|out of memory|crash)");
    /** Clauses end at sentence marks and commas, so "torch.compile didn't help" spends only what it names. */
    private static final Pattern CLAUSE = Pattern.compile("[,;!?\\n]|\\.(?=\\s|$)");

    private SpentMechanisms() {}

    /** The mechanisms a rung's title acts through (none for a measurement or a batch rung). */
    static Set<String> ofTitle(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        Set<String> out = new HashSet<>();
        for (Row r : ROWS.rows()) if (r.title().matcher(lower).find()) out.add(r.name());
        return out;
    }

    /** The mechanisms the turn names in a clause that says they were tried, did not help, or are excluded. */
    static Set<String> said(String text) {
        Set<String> out = new HashSet<>();
        for (String clause : CLAUSE.split(text.toLowerCase(Locale.ROOT))) {
            if (!SPENT.matcher(clause).find()) continue;
            for (Row r : ROWS.rows()) if (r.said().matcher(clause).find()) out.add(r.name());
        }
        return out;
    }

    /** Whether the rung acts through a mechanism already spent. */
    static boolean spent(String title, Set<String> mechanisms) {
        for (String m : ofTitle(title)) if (mechanisms.contains(m)) return true;
        return false;
    }
}
