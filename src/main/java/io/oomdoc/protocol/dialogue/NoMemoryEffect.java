package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Report;
import io.oomdoc.util.TsvTable;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * "Does lowering the learning rate, as suggested, change memory?", "the dataset is small, only 5,000 images.
 * shouldn't that matter?": a yes/no question about a setting that does not act on GPU memory. The expert's first word
 * is the verdict (dialogue/no-memory-effect.tsv), then what the setting acts on instead and what does set the memory,
 * rather than a passage found by the turn's other words.
 */
final class NoMemoryEffect {
    private static final String TABLE = "dialogue/no-memory-effect.tsv";
    private static final int COLUMNS = 5;

    /** One setting: the words that name it, its name in the answer, the verdict, why, and the failure it matters in. */
    record Row(Pattern words, String name, String verdict, String why, String unless) {}

    private static final TsvTable<Row> ROWS = new TsvTable<>(TABLE, COLUMNS, c -> new Row(Pattern.compile(c[0]), c[1],
            c[2], c[3], c[4]));

    /**
     * Whether the setting matters for memory: "does that matter", "change memory", "would it help". "Do I need to
     * change the learning rate to match the paper?" asks about the science, not the memory, and is not matched.
     */
    private static final Pattern ASKS = Pattern.compile("(?i)\\bmatters?\\b|\\baffect|\\bimpact|\\bhelps?\\b"
            + "|\\b(?:change|reduce|lower|save|use|increase)\\w* (?:the |any |more |less |gpu |my )?(?:memory|vram)");
    /** A turn that also names a term that does act on memory asks about that one, or about both. */
    private static final Pattern MEMORY_TERM = Pattern.compile("(?i)\\bbatch|\\bseq(?:uence)?\\b|resolution"
            + "|max_length|context|\\btokens?\\b|image size");
    /** "Why would LoRA matter?" asks for a mechanism that exists; only a yes/no question gets a verdict. */
    private static final Pattern WHY_OR_HOW = Pattern.compile("(?i)^\\W*(?:why|how)\\b|\\bwhy (?:would|does|do|is)\\b");

    private NoMemoryEffect() {}

    /** The verdict, why, and (with a failure held) its first fix; null when the turn asks about no such setting. */
    static String answer(String text, Report r) {
        if (!text.contains("?") || !ASKS.matcher(text).find() || MEMORY_TERM.matcher(text).find()
                || WHY_OR_HOW.matcher(text).find()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Row row = ROWS.rows().stream().filter(x -> x.words().matcher(lower).find()).findFirst().orElse(null);
        // a host-RAM failure is where the dataset's size can matter (a loader that holds it all): no GPU verdict there
        if (row == null || r != null && row.unless().equals(r.issueType())) {
            return null;
        }
        String out = Messages.get("followup.nomemory", row.verdict(), row.name(), row.why()) + "\n"
                + Messages.get("followup.nomemory.sets");
        if (r == null || r.fixes().isEmpty()) return out;
        Report.Fix first = r.fixes().get(0);
        return out + "\n" + Messages.get("followup.nomemory.first", first.title(), first.kb());
    }
}
