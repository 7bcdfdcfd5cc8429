package io.oomdoc.protocol.reasoning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shape table (model/conjunctions.tsv): evidence that means something only together. A linear model adds
 * "it failed late" and "memory grows" one by one; an expert reads the pair: late with a climb is a leak, late
 * with no climb and long samples is the longest batch. Each row names features that must all be present and
 * features that must be absent, and adds {@code shape:NAME}; the weights are learned, not set here.
 */
public final class Conjunctions {
    private static final String TABLE = "model/conjunctions.tsv";
    private static final String AND = " & ";

    /** One row: every pattern of {@code all} matches some feature name, and no feature name matches {@code none}. */
    record Row(String name, List<Pattern> all, Pattern none, String why) {
        boolean holds(Map<String, Double> features) {
            for (Pattern p : all) if (features.keySet().stream().noneMatch(k -> p.matcher(k).matches())) return false;
            return none == null || features.keySet().stream().noneMatch(k -> none.matcher(k).matches());
        }
    }

    private static volatile List<Row> table;

    private Conjunctions() {}

    static List<Row> table() {
        if (table == null) table = read(Conjunctions.class.getClassLoader().getResourceAsStream(TABLE));
        return table;
    }

    /** Adds shape:NAME, with its sentence, for each row that holds on the features gathered so far. */
    static void addTo(FeatureVector.Builder b) {
        Map<String, Double> seen = b.build().values();
        for (Row r : table()) if (r.holds(seen)) b.set("shape:" + r.name(), 1.0, r.why());
    }

    static List<Row> read(InputStream in) {
        if (in == null) throw new IllegalStateException("bundled shape table missing: " + TABLE);
        List<Row> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cells = line.split("\t", -1);
                if (cells.length != 4) throw new IllegalStateException(TABLE + ": 4 cells expected in " + line);
                List<Pattern> all = new ArrayList<>();
                for (String p : cells[1].split(Pattern.quote(AND))) all.add(Pattern.compile(p.strip()));
                Pattern none = cells[2].isBlank() ? null : Pattern.compile(cells[2].strip());
                out.add(new Row(cells[0], List.copyOf(all), none, cells[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
