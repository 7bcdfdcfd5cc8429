package io.oomdoc.protocol;

import io.oomdoc.protocol.reasoning.FeatureVector;
import io.oomdoc.util.TsvTable;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Knowledge entries that only one stack's allocator can act on (model/kb-stacks.tsv): an entry is withheld from a
 * report whose features show a stack that cannot use its fix, so an MPS or JAX failure is not sent to a CUDA-only
 * setting however its cause is ranked.
 */
final class KbStacks {
    record Row(String kb, Pattern features) {}

    private static final TsvTable<Row> TABLE = new TsvTable<>("model/kb-stacks.tsv", 2,
            c -> new Row(c[0].strip(), Pattern.compile(c[1].strip())));

    private KbStacks() {}

    static List<Row> table() { return TABLE.rows(); }

    /** Whether the report with these features may list the entry. */
    static boolean usable(String kb, FeatureVector x) {
        if (x == null) return true;
        for (Row r : table()) {
            if (!r.kb().equals(kb)) continue;
            for (String f : x.values().keySet()) if (r.features().matcher(f).matches()) return false;
        }
        return true;
    }
}
