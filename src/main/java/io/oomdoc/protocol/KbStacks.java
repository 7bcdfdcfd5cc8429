package io.oomdoc.protocol;

import io.oomdoc.protocol.reasoning.FeatureVector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Knowledge entries that only one stack's allocator can act on (model/kb-stacks.tsv): an entry is withheld from a
 * report whose features show a stack that cannot use its fix, so an MPS or JAX failure is not sent to a CUDA-only
 * setting however its cause is ranked.
 */
final class KbStacks {
    private static final String TABLE = "model/kb-stacks.tsv";

    record Row(String kb, Pattern features) {}

    private static volatile List<Row> table;

    private KbStacks() {}

    static List<Row> table() {
        if (table == null) table = read(KbStacks.class.getClassLoader().getResourceAsStream(TABLE));
        return table;
    }

    /** Whether the report with these features may list the entry. */
    static boolean usable(String kb, FeatureVector x) {
        if (x == null) return true;
        for (Row r : table()) {
            if (!r.kb().equals(kb)) continue;
            for (String f : x.values().keySet()) if (r.features().matcher(f).matches()) return false;
        }
        return true;
    }

    static List<Row> read(InputStream in) {
        if (in == null) throw new IllegalStateException("bundled stack table missing: " + TABLE);
        List<Row> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                out.add(new Row(cols[0].strip(), Pattern.compile(cols[1].strip())));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return List.copyOf(out);
    }
}
