package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.protocol.Report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The figures the issue asks for, per input mode: top-1, top-3, phase, KB recall@3, numbers, no report. */
public record Scores(List<Outcome> outcomes) {

    public record Outcome(Case c, boolean withDescription, String category, List<String> top3, String phase,
                          List<String> kb, Map<String, Object> numbers, String issueType, List<Double> confidences) {
        static Outcome of(TrainReasoner.Example e, Report r) {
            List<String> top3 = r.hypotheses().stream().limit(3).map(Report.HypothesisView::category).toList();
            List<Double> conf = r.hypotheses().stream().limit(3).map(Report.HypothesisView::confidence).toList();
            return new Outcome(e.c(), e.withDescription(), r.category(), top3, r.phase(), r.kb(), r.numbers(),
                    r.issueType(), conf);
        }

        boolean top1() { return c.accepts(category); }

        boolean top3Hit() { return top3.stream().anyMatch(c::accepts); }

        boolean phaseHit() { return c.acceptsPhase(phase); }

        boolean kbHit() {
            List<String> k = kb.subList(0, Math.min(3, kb.size()));
            return c.kb().isEmpty() || c.kb().stream().anyMatch(k::contains);
        }

        boolean numbersExact() {
            for (var n : c.numbers().entrySet()) {
                Object got = numbers.get(n.getKey());
                if (!(got instanceof Number g) || g.longValue() != n.getValue()) return false;
            }
            return true;
        }

        /** The CLI gives no report for a memory failure it calls not_oom or unknown. */
        boolean unreported() {
            return !c.issueType().equals("not_oom") && (issueType.equals("not_oom") || issueType.equals("unknown"));
        }
    }

    private List<Outcome> mode(boolean desc) { return outcomes.stream().filter(o -> o.withDescription() == desc).toList(); }

    private static double share(List<Outcome> os, java.util.function.Predicate<Outcome> p) {
        return os.isEmpty() ? 0 : os.stream().filter(p).count() / (double) os.size();
    }

    public double top1WithDescription() { return share(mode(true), Outcome::top1); }

    public double phaseAccuracy() { return share(outcomes, Outcome::phaseHit); }

    public String table(String title) {
        StringBuilder sb = new StringBuilder("### " + title + "\n| figure | description + paste | paste alone |\n|---|---|---|\n");
        row(sb, "category top-1 (label or accepted alternative)", Outcome::top1);
        row(sb, "category top-1 (label only)", o -> o.c().category().equals(o.category()));
        row(sb, "right category within top 3", Outcome::top3Hit);
        row(sb, "phase", Outcome::phaseHit);
        row(sb, "KB recall@3", Outcome::kbHit);
        row(sb, "numbers exact", Outcome::numbersExact);
        sb.append(String.format(Locale.ROOT, "| memory failures given no report | %d | %d |%n",
                mode(true).stream().filter(Outcome::unreported).count(), mode(false).stream().filter(Outcome::unreported).count()));
        sb.append(String.format(Locale.ROOT, "| cases | %d | %d |%n", mode(true).size(), mode(false).size()));
        return sb.toString();
    }

    private void row(StringBuilder sb, String name, java.util.function.Predicate<Outcome> p) {
        sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", name, share(mode(true), p), share(mode(false), p)));
    }

    /** Rows: the label; columns: what oomdoc said (description + paste). */
    public String confusion() { return confusion(o -> o.c().category(), Outcome::category); }

    public String phaseConfusion() { return confusion(o -> o.c().phase(), Outcome::phase); }

    private String confusion(java.util.function.Function<Outcome, String> label, java.util.function.Function<Outcome, String> said) {
        TreeSet<String> names = new TreeSet<>();
        Map<String, Map<String, Integer>> m = new TreeMap<>();
        for (Outcome o : mode(true)) {
            names.add(label.apply(o));
            names.add(said.apply(o));
            m.computeIfAbsent(label.apply(o), k -> new TreeMap<>()).merge(said.apply(o), 1, Integer::sum);
        }
        List<String> cols = List.copyOf(names);
        StringBuilder sb = new StringBuilder("| label \\ said |");
        for (int i = 0; i < cols.size(); i++) sb.append(' ').append(i + 1).append(" |");
        sb.append("\n|---|").append("---|".repeat(cols.size())).append('\n');
        for (int i = 0; i < cols.size(); i++) {
            sb.append("| ").append(i + 1).append(' ').append(cols.get(i)).append(" |");
            for (String col : cols) {
                int v = m.getOrDefault(cols.get(i), Map.of()).getOrDefault(col, 0);
                sb.append(' ').append(v == 0 ? "." : String.valueOf(v)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public String misses(int max) { return misses(true, max); }

    /** Top-1 misses of one input mode. */
    public String misses(boolean withDescription, int max) {
        StringBuilder sb = new StringBuilder();
        mode(withDescription).stream().filter(o -> !o.top1()).limit(max).forEach(o -> sb.append(String.format(Locale.ROOT,
                "- %s (%s): label %s, said %s, phase %s/%s%n", o.c().id(), o.c().file(), o.c().category(), o.category(),
                o.c().phase(), o.phase())));
        return sb.toString();
    }

    /** Answers that an accepted alternative saves but that are not the label (description + paste). */
    public String alternativeOnly(int max) {
        StringBuilder sb = new StringBuilder();
        mode(true).stream().filter(o -> o.top1() && !o.c().category().equals(o.category())).limit(max).forEach(o ->
                sb.append(String.format(Locale.ROOT, "- %s (%s): label %s, said %s%n", o.c().id(), o.c().file(),
                        o.c().category(), o.category())));
        return sb.toString();
    }

    /** Cross-validated phase misses of one input mode, to group them by what the text offered. */
    public String phaseMisses(boolean withDescription, int max) {
        StringBuilder sb = new StringBuilder();
        mode(withDescription).stream().filter(o -> !o.c().acceptsPhase(o.phase())).limit(max).forEach(o -> sb.append(
                String.format(Locale.ROOT, "- %s (%s): phase %s, said %s%n", o.c().id(), o.c().file(), o.c().phase(),
                        o.phase())));
        return sb.toString();
    }

    /** Cross-validated KB@3 and number misses (both modes), with what was shown and what was decoded. */
    public String otherMisses(int max) {
        StringBuilder sb = new StringBuilder();
        outcomes.stream().filter(o -> !o.kbHit() || !o.numbersExact()).limit(max).forEach(o -> sb.append(
                String.format(Locale.ROOT, "- %s (%s, %s): kb %s shown %s; numbers %s decoded %s%n", o.c().id(),
                        o.c().file(), o.withDescription() ? "desc" : "paste", o.c().kb(),
                        o.kb().subList(0, Math.min(3, o.kb().size())), o.c().numbers(), o.numbers())));
        return sb.toString();
    }

    /** Memory failures given no report (exit 1 in the CLI), both modes: the cases a kill or a mention rule missed. */
    public String unreportedList(int max) {
        StringBuilder sb = new StringBuilder();
        outcomes.stream().filter(Outcome::unreported).limit(max).forEach(o -> sb.append(String.format(Locale.ROOT,
                "- %s (%s, %s): label %s, issue type said %s%n", o.c().id(), o.c().file(),
                o.withDescription() ? "desc" : "paste", o.c().category(), o.issueType())));
        return sb.toString();
    }

    /** The tables of the CV over dev + heldout5..7: all of it, then each part (EighthFold, PhaseKbFold). */
    String tablesByPart(String how) {
        java.util.function.Function<List<io.oomdoc.corpus.Case>, java.util.Set<String>> ids = cases -> cases.stream()
                .map(io.oomdoc.corpus.Case::id).collect(java.util.stream.Collectors.toSet());
        var fifth = ids.apply(io.oomdoc.corpus.Corpus.heldout5());
        var sixth = ids.apply(io.oomdoc.corpus.Corpus.heldout6());
        var seventh = ids.apply(io.oomdoc.corpus.Corpus.heldout7());
        java.util.function.Function<java.util.function.Predicate<String>, Scores> part = p -> new Scores(
                outcomes().stream().filter(o -> p.test(o.c().id())).toList());
        return String.join("\n", table("All" + how),
                part.apply(id -> !fifth.contains(id) && !sixth.contains(id) && !seventh.contains(id))
                        .table("Development part" + how),
                part.apply(fifth::contains).table("corpus_heldout5 part" + how),
                part.apply(sixth::contains).table("corpus_heldout6 part" + how),
                part.apply(seventh::contains).table("corpus_heldout7 part" + how));
    }
}
