package io.oomdoc.protocol.dialogue;

import io.oomdoc.util.TsvTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Image sizes said by name ("a 4K image", "1080p frames", dialogue/named-resolutions.tsv): people compare "4K" with
 * "1024x1024" as readily as two written sizes, and the pixel ratio is the same arithmetic once the name is a size.
 */
final class NamedResolutions {
    private static final String TABLE = "dialogue/named-resolutions.tsv";
    private static final int COLUMNS = 3;

    private record Row(Pattern name, long width, long height) {}

    private static final TsvTable<Row> ROWS = new TsvTable<>(TABLE, COLUMNS,
            c -> new Row(Pattern.compile(c[0]), Long.parseLong(c[1]), Long.parseLong(c[2])));

    /** "phi-3-mini-4k", "4k_vocab": a name inside another name is no size. */
    private static final Pattern JOINED = Pattern.compile("[\\w-]");
    /** "4k context", "a 4k tokens prompt", "max_len 4k", "seq 8k": a length in thousands, not an image. */
    private static final Pattern LENGTH_AFTER = Pattern.compile("^\\s*(?:tokens?|context|ctx|seq\\w*|length|len\\b"
            + "|vocab\\w*|steps?|samples?|rows?|words?|prompt)");
    private static final Pattern LENGTH_BEFORE = Pattern.compile("(?:tokens?|context|ctx|seq\\w*|length|len|vocab\\w*"
            + "|window)\\W{0,3}(?:of |to |at |is |from )?(?:about |~)?$");

    private NamedResolutions() {}

    private static boolean notAnImage(String text, int start, int end) {
        boolean joined = start > 0 && JOINED.matcher(text.substring(start - 1, start)).matches()
                || end < text.length() && JOINED.matcher(text.substring(end, end + 1)).matches();
        return joined || LENGTH_AFTER.matcher(text.substring(end)).find()
                || LENGTH_BEFORE.matcher(text.substring(0, start)).find();
    }

    /** The width and height of a size said by name ("4k", "Full HD"), or null when the table has no such name. */
    static long[] sizeOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Row r : ROWS.rows()) {
            if (r.name().matcher(lower).find()) return new long[] {r.width(), r.height()};
        }
        return null;
    }

    /** Every named size in the text, as width and height with where it is said. */
    static List<InputSizes.Size> in(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<InputSizes.Size> out = new ArrayList<>();
        for (Row r : ROWS.rows()) {
            for (Matcher m = r.name().matcher(lower); m.find(); ) {
                if (notAnImage(lower, m.start(), m.end())) continue;
                out.add(new InputSizes.Size(new long[] {r.width(), r.height()}, m.start()));
            }
        }
        return out;
    }
}
