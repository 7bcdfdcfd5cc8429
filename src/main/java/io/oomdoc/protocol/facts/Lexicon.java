package io.oomdoc.protocol.facts;

import io.oomdoc.util.LiteralFilter;
import io.oomdoc.util.Resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of setup words (resource lexicon/facts.tsv): phrase pattern → facts → meaning when negated. Matching
 * is on whole words; where phrases overlap the longest wins, so "8-bit adam" is an optimizer and not a quantization.
 */
public final class Lexicon {
    /** One row: its pattern, the facts it states ("key=value" each), and what its negation means. */
    public record Row(Pattern pattern, List<String[]> facts, String onNegation, int rank, String source) {}

    private static final String RESOURCE = "lexicon/facts.tsv";
    private static volatile Lexicon instance;

    private final List<Row> rows;

    private Lexicon(List<Row> rows) { this.rows = rows; }

    public static Lexicon get() {
        if (instance == null) instance = parse(Resources.text(RESOURCE));
        return instance;
    }

    public List<Row> rows() { return rows; }

    /** Parses the TSV format described at the top of lexicon/facts.tsv. */
    public static Lexicon parse(String tsv) {
        List<Row> rows = new ArrayList<>();
        int rank = 0;
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.split("\t", -1);
            if (cells.length < 2) throw new IllegalArgumentException("lexicon row needs a pattern and facts: " + line);
            Pattern p = Pattern.compile("(?<![a-z0-9_])(?:" + cells[0].strip() + ")(?![a-z0-9_])");
            List<String[]> facts = new ArrayList<>();
            for (String kv : cells[1].strip().split(";")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("lexicon facts must be key=value: " + line);
                facts.add(new String[]{kv.substring(0, eq).strip(), kv.substring(eq + 1).strip()});
            }
            rows.add(new Row(p, facts, cells.length > 2 ? cells[2].strip() : "", rank++, cells[0].strip()));
        }
        return new Lexicon(List.copyOf(rows));
    }

    /** Every fact the text's setup words state, longest phrase first where they overlap; text must be lower case. */
    public List<Mention> find(String lower) {
        List<Mention> spans = new ArrayList<>();
        for (Row r : rows) {
            if (!LiteralFilter.of(r.pattern).mayMatch(lower)) continue;
            Matcher m = r.pattern.matcher(lower);
            while (m.find()) {
                if (m.end() == m.start()) continue;
                spans.add(new Mention(m.start(), m.end(), "row", group(m), r.rank, r.onNegation));
            }
        }
        spans.sort(Comparator.comparingInt(Mention::length).reversed().thenComparingInt(Mention::rank)
                .thenComparingInt(Mention::start));
        List<Mention> kept = new ArrayList<>();
        for (Mention s : spans) if (kept.stream().noneMatch(k -> conflict(k, s))) kept.add(s);
        List<Mention> out = new ArrayList<>();
        for (Mention s : kept) {
            Row r = rows.get(s.rank());
            for (String[] kv : r.facts) out.add(new Mention(s.start(), s.end(), kv[0], kv[1].replace("$1",
                    s.value()), r.rank, r.onNegation));
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    /**
     * Two overlapping phrases compete when both state setup facts ("8-bit adam" hides the quantization "8-bit"), or
     * both
     * give context for the same key. Context (framework, phase) and setup words do not hide each other: "DataLoader
     * worker" says both the framework and the phase.
     */
    private boolean conflict(Mention a, Mention b) {
        if (!a.overlaps(b)) return false;
        boolean ca = context(rows.get(a.rank())), cb = context(rows.get(b.rank()));
        if (ca != cb) return false;
        if (!ca) return true;
        return rows.get(a.rank()).facts.stream().anyMatch(x -> rows.get(b.rank()).facts.stream().anyMatch(y
                -> x[0].equals(y[0])));
    }

    private static boolean context(Row r) {
        return r.facts.stream().allMatch(kv -> kv[0].equals("framework") || kv[0].equals("phase"));
    }

    /** The first group that matched, for "$1" in a row's facts. */
    private static String group(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) return m.group(g);
        return "";
    }
}
