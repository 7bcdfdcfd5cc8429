package io.oomdoc.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which knowledge entries the labelled reports of each cause needed (model/kb-coverage.tsv: one row per cause and
 * set of entries, with how many reports had that set). A report shows three entries; when the ranking is unsure,
 * the three that most likely contain a right one are those that cover the likely causes' reports best, weighted by
 * each cause's confidence. The leader's first entry alone covers a cause's own reports only in part, and a wrong
 * leader's second and third entries (a snapshot, a memory summary) rarely help the reader it misranked.
 * Reports that print the allocator's figures are counted apart (the cause's name with {@link #FIGURES}): their
 * labels name the entry on reading those figures (M2) far more often (folds 0-2 of the trainable pool: 53 of 73
 * activations_batch reports with figures, 18 of 162 without; other_process_or_zombie 20 of 24 and 1 of 33).
 * Written by bench/run.sh TrainKbCoverage from the labelled corpus (never the blind splits).
 */
public final class KbCoverage {
    public static final String TABLE = "model/kb-coverage.tsv";

    /** One set of entries that the labelled reports of a cause needed, and how many reports needed it. */
    public record Row(String category, Set<String> ids, int count) {}

    private static volatile KbCoverage bundled;

    private final Map<String, List<Row>> byCategory;
    private final Map<String, Integer> totals;

    private KbCoverage(List<Row> rows) {
        Map<String, List<Row>> by = new LinkedHashMap<>();
        Map<String, Integer> tot = new LinkedHashMap<>();
        for (Row r : rows) {
            by.computeIfAbsent(r.category(), k -> new ArrayList<>()).add(r);
            tot.merge(r.category(), r.count(), Integer::sum);
        }
        this.byCategory = by;
        this.totals = tot;
    }

    public static KbCoverage of(List<Row> rows) { return new KbCoverage(List.copyOf(rows)); }

    /** The suffix of the rows counted over reports that print the allocator's figures. */
    public static final String FIGURES = "+figures";

    /** The row name a report is counted under: its cause, apart when it prints the allocator's figures. */
    public static String key(String category, boolean figures) { return figures ? category + FIGURES : category; }

    /** The rows to read for a cause: the report's own kind, or the other kind when a cause has none of it. */
    private String rowsFor(String category, boolean figures) {
        String own = key(category, figures);
        return totals.containsKey(own) ? own : key(category, !figures);
    }

    /** Counts the sets of entries per cause, as the trainer does: one (cause, entries) pair per labelled report. */
    public static KbCoverage count(List<Map.Entry<String, List<String>>> labelled) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (var l : labelled) {
            if (l.getValue().isEmpty()) continue;
            String key = String.join(",", new java.util.TreeSet<>(l.getValue()));
            counts.computeIfAbsent(l.getKey(), k -> new TreeMap<>()).merge(key, 1, Integer::sum);
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((cat, sets) -> sets.forEach((ids, n) -> rows.add(new Row(cat, Set.of(ids.split(",")), n))));
        return of(rows);
    }

    public static KbCoverage bundled() {
        if (bundled == null) bundled = read(KbCoverage.class.getClassLoader().getResourceAsStream(TABLE));
        return bundled;
    }

    /** The share of a cause's labelled reports that needed at least one of the ids (0 for a cause never seen). */
    public double share(String category, Collection<String> ids) {
        Integer total = totals.get(category);
        if (total == null || total == 0) return 0;
        int hit = 0;
        for (Row r : byCategory.get(category)) {
            for (String id : ids) {
                if (r.ids().contains(id)) {
                    hit += r.count();
                    break;
                }
            }
        }
        return hit / (double) total;
    }

    /**
     * Adds entries to those already chosen until there are n, each time the one that most raises the chance that
     * a right entry is among them: the ranked causes' shares, weighted by their confidence. Ties go to the entry
     * met first in the ranked causes' own lists, so an empty table gives the leader's list.
     */
    public List<String> extend(List<String> chosen, List<Hypothesis> ranked, int n) {
        return extend(chosen, ranked, n, false);
    }

    /** As {@link #extend(List, List, int)}, for a report that prints the allocator's figures or not. */
    public List<String> extend(List<String> chosen, List<Hypothesis> ranked, int n, boolean figures) {
        List<String> out = new ArrayList<>(chosen);
        LinkedHashSet<String> candidates = new LinkedHashSet<>();
        for (Hypothesis h : ranked) candidates.addAll(h.kb());
        byCategory.values().forEach(rows -> rows.forEach(r -> candidates.addAll(new java.util.TreeSet<>(r.ids()))));
        while (out.size() < n) {
            String best = null;
            double bestValue = -1;
            for (String id : candidates) {
                if (out.contains(id)) continue;
                List<String> with = new ArrayList<>(out);
                with.add(id);
                double v = 0;
                for (Hypothesis h : ranked) v += h.confidence() * share(rowsFor(h.category().json(), figures), with);
                if (v > bestValue + 1e-12) {
                    bestValue = v;
                    best = id;
                }
            }
            if (best == null) break;
            out.add(best);
        }
        return out;
    }

    public String toTsv() {
        StringBuilder sb = new StringBuilder();
        byCategory.forEach((cat, rows) -> rows.forEach(r -> sb.append(String.format(Locale.ROOT, "%s\t%s\t%d%n", cat,
                String.join(",", new java.util.TreeSet<>(r.ids())), r.count()))));
        return sb.toString();
    }

    static KbCoverage read(InputStream in) {
        if (in == null) throw new IllegalStateException("bundled coverage table missing: " + TABLE);
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                Set<String> ids = Set.of(cols[1].strip().split(","));
                rows.add(new Row(cols[0].strip(), ids, Integer.parseInt(cols[2].strip())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(rows);
    }
}
