package io.oomdoc.knowledge;

import io.oomdoc.util.Resources;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which knowledge entries belong to which cause, as model/category-kb.tsv declares them: the one place that says
 * so. The diagnosis reads a cause's entries from it (protocol/CategoryKb); an entry's own categories are derived
 * from it here, so the knowledge files carry no list of their own to disagree with it.
 */
public final class CauseEntries {
    public static final String TABLE = "model/category-kb.tsv";

    /** Rows naming an entry by its part in the fix ladder ("@serving") rather than by a cause. */
    public static final String ROLE = "@";

    private static final Map<String, List<String>> ROWS = parse(Resources.text(TABLE));

    private CauseEntries() {}

    /** Every bundled row, role rows included, in the table's order. */
    public static Map<String, List<String>> rows() { return ROWS; }

    /** The causes (JSON names) whose rows list the entry, in the table's order; role rows are not causes. */
    public static List<String> causesOf(String id) {
        List<String> out = new ArrayList<>();
        ROWS.forEach((cause, ids) -> {
            if (!cause.startsWith(ROLE) && ids.contains(id)) out.add(cause);
        });
        return List.copyOf(out);
    }

    /** Rows of "cause TAB id,id,..."; blank lines and # comments skipped. */
    public static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t");
            if (cols.length != 2) throw new IllegalStateException("not cause TAB ids in " + TABLE + ": " + line);
            List<String> ids = List.of(cols[1].strip().split("\\s*,\\s*"));
            if (rows.put(cols[0].strip(), ids) != null) {
                throw new IllegalStateException("cause listed twice in " + TABLE + ": " + cols[0]);
            }
        }
        return Collections.unmodifiableMap(rows);
    }
}
