package io.oomdoc.protocol;

import io.oomdoc.knowledge.CauseEntries;

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
    static final String TABLE = CauseEntries.TABLE;

    /** Rows naming an entry by its part in the fix ladder ("@serving") rather than by a cause. */
    static final String ROLE = CauseEntries.ROLE;

    private static final Map<String, List<String>> ROWS = CauseEntries.rows();
    private static final Map<String, List<String>> BUNDLED = only(ROWS, false);
    private static final Map<String, List<String>> ROLES = only(ROWS, true);

    private CategoryKb() {}

    /** The bundled rows by cause (its JSON name), in the table's order. */
    static Map<String, List<String>> bundled() { return BUNDLED; }

    /** The bundled role rows, by role name without its @. */
    static Map<String, List<String>> roles() { return ROLES; }

    /** The entries that play a part in the fix ladder whatever the cause ("serving": the engines' knobs). */
    static List<String> role(String name) {
        List<String> ids = ROLES.get(name);
        if (ids == null) throw new IllegalStateException("no row for " + ROLE + name + " in " + TABLE);
        return ids;
    }

    private static Map<String, List<String>> only(Map<String, List<String>> rows, boolean roles) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> {
            if (k.startsWith(ROLE) == roles) out.put(roles ? k.substring(ROLE.length()) : k, v);
        });
        return Collections.unmodifiableMap(out);
    }

    /** The entries of one cause; a cause without a row is a packaging error, caught at start-up. */
    static List<String> of(String category) {
        List<String> ids = BUNDLED.get(category);
        if (ids == null) throw new IllegalStateException("no row for " + category + " in " + TABLE);
        return ids;
    }

    /** Rows of "cause TAB id,id,..."; blank lines and # comments skipped (the table's one parser). */
    static Map<String, List<String>> parse(String text) { return CauseEntries.parse(text); }
}
