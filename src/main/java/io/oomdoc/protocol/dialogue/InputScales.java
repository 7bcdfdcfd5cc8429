package io.oomdoc.protocol.dialogue;

import io.oomdoc.util.TsvTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the peak of a failure told in prose grows with, from the user's own words (dialogue/input-scales.tsv): the
 * frames, images, resolution, points or items the domain's code holds at once, and the knob that bounds it.
 */
final class InputScales {
    private static final String TABLE = "dialogue/input-scales.tsv";
    private static final int COLUMNS = 2;

    record Row(Pattern pattern, String sentence) {}

    private static final TsvTable<Row> ROWS = new TsvTable<>(TABLE, COLUMNS,
            c -> new Row(Pattern.compile(c[0]), c[1]));

    private InputScales() {}

    /** The line for the first quantity the prose names, or empty. */
    static Optional<String> of(String prose) {
        String lower = prose.toLowerCase(Locale.ROOT);
        for (Row r : rows()) {
            Matcher m = r.pattern().matcher(lower);
            if (m.find()) return Optional.of(String.format(Locale.ROOT, r.sentence(), said(m)));
        }
        return Optional.empty();
    }

    /** "1152 x 768" as "1152x768"; a single value as it is; the words matched when no number was. */
    private static String said(Matcher m) {
        List<String> values = new ArrayList<>();
        for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) values.add(m.group(g));
        if (values.isEmpty()) return m.group().strip();
        return String.join("x", values);
    }

    static List<Row> rows() { return ROWS.rows(); }
}
