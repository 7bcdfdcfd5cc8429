package io.oomdoc.protocol;

import io.oomdoc.util.Resources;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each cause's knowledge entries, most useful first, as model/category-kb.tsv declares them: the one place a cause
 * names its entries, so adding or reordering one is a row edit and a registry test checks every id against
 * knowledge/.
 */
final class CategoryKb {
    static final String TABLE = "model/category-kb.tsv";

    private static final Map<String, List<String>> BUNDLED = parse(Resources.text(TABLE));

    private CategoryKb() {}

    /** The bundled rows by cause (its JSON name), in the table's order. */
    static Map<String, List<String>> bundled() { return BUNDLED; }

    /** The entries of one cause; a cause without a row is a packaging error, caught at start-up. */
    static List<String> of(String category) {
        List<String> ids = BUNDLED.get(category);
        if (ids == null) throw new IllegalStateException("no row for " + category + " in " + TABLE);
        return ids;
    }

    /** Rows of "cause TAB id,id,..."; blank lines and # comments skipped. */
    static Map<String, List<String>> parse(String text) {
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
