package io.oomdoc.protocol;

import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.protocol.reasoning.FeatureVector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The knowledge ids a report lists, most relevant first: the leading cause's entry, the entry the evidence itself
 * points at (model/evidence-kb.tsv: a kill, another process, an idle cache), then the entries that best cover the
 * ranked causes' labelled reports ({@link KbCoverage}), so the three shown hold a right one even when the ranking
 * is unsure; then a close runner-up's entry and the leader's other entries. The evidence entry does not depend on
 * the ranking being right.
 */
final class KbChoice {
    private static final String TABLE = "model/evidence-kb.tsv";
    private static final double RUNNER_UP_SHOWN = 0.2;
    private static final double ALSO_SHOWN = 0.25;
    /** How many entries a report shows first (the KB recall@3 the issue measures). */
    private static final int SHOWN = 3;

    record Row(String feature, String kb) {}

    private static volatile List<Row> table;

    private KbChoice() {}

    static List<Row> table() {
        if (table == null) table = read(KbChoice.class.getClassLoader().getResourceAsStream(TABLE));
        return table;
    }

    static List<String> ids(Evidence e, List<Hypothesis> ranked, FeatureVector x) {
        return ids(e, ranked, x, KbCoverage.bundled());
    }

    static List<String> ids(Evidence e, List<Hypothesis> ranked, FeatureVector x, KbCoverage coverage) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        List<String> first = ranked.get(0).kb();
        ids.add(first.get(0));
        String pointed = pointedAt(x);
        if (pointed != null) ids.add(pointed);
        ids.addAll(coverage.extend(List.copyOf(ids), ranked, SHOWN, !e.numbers().isEmpty()));
        // when the ranking is unsure, the entries listed should cover both causes
        if (ranked.size() > 1 && ranked.get(1).confidence() >= RUNNER_UP_SHOWN) ids.add(ranked.get(1).kb().get(0));
        if (first.size() > 1) ids.add(first.get(1));
        if (!e.numbers().isEmpty()) ids.add(KnowledgeBase.READING_THE_MESSAGE);
        ids.addAll(first);
        for (int i = 1; i < ranked.size() && i < 3; i++) {
            if (ranked.get(i).confidence() >= ALSO_SHOWN) ids.add(ranked.get(i).kb().get(0));
        }
        ids.removeIf(id -> !KbStacks.usable(id, x));
        return List.copyOf(ids);
    }

    /** The entry of the first table row whose feature holds, or null. */
    static String pointedAt(FeatureVector x) {
        if (x == null) return null;
        for (Row r : table()) if (x.values().containsKey(r.feature())) return r.kb();
        return null;
    }

    static List<Row> read(InputStream in) {
        if (in == null) throw new IllegalStateException("bundled evidence table missing: " + TABLE);
        List<Row> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                out.add(new Row(cols[0].strip(), cols[1].strip()));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return List.copyOf(out);
    }
}
