package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.EvidenceGatherer;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Gathered;
import io.oomdoc.protocol.Report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads the reports themselves, not only their category (issue 12, points 4 and 6): every case of the corpus and of
 * the scored blind splits (corpus_heldout5..21, all burned: development data) is diagnosed as `oomdoc diagnose
 * --json -` does it, once with the description and the paste and once with the paste alone, and each report is
 * checked by {@link ReportChecks}: one cause throughout, the stack's own knobs, no OOM fix for what is not an OOM,
 * at most five distinct fixes led by the ranked cause, the user's own numbers, and whole sentences.
 * Prints the count per check and set, then the failing case ids per check (id:d description + paste, id:p paste).
 * Run: bench/run.sh ReportAudit [--ids N] [--detail CHECK] [--only SET] [--show CASE-ID]
 */
public final class ReportAudit {
    private ReportAudit() {}

    public static void main(String[] args) {
        List<String> a = List.of(args);
        int shownIds = a.contains("--ids") ? Integer.parseInt(a.get(a.indexOf("--ids") + 1)) : 60;
        String detail = a.contains("--detail") ? a.get(a.indexOf("--detail") + 1) : null;
        String only = a.contains("--only") ? a.get(a.indexOf("--only") + 1) : null;
        TrainReasoner.quiet();
        Diagnoser diagnoser = new Diagnoser();
        if (a.contains("--show")) {
            show(diagnoser, a.get(a.indexOf("--show") + 1));
            return;
        }
        Map<String, Map<String, List<String>>> failed = new TreeMap<>();
        Map<String, Integer> reports = new LinkedHashMap<>();
        List<String> details = new ArrayList<>();
        for (var set : sets().entrySet()) {
            if (only != null && !only.equals(set.getKey())) continue;
            int n = 0;
            for (Case c : set.getValue().get()) {
                for (boolean described : new boolean[] {true, false}) {
                    String text = described ? c.withDescription() : c.paste();
                    String tag = c.id() + (described ? ":d" : ":p");
                    n++;
                    List<ReportChecks.Finding> found = audit(diagnoser, c, text);
                    for (ReportChecks.Finding f : found) {
                        failed.computeIfAbsent(f.check(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(set.getKey(), k -> new ArrayList<>()).add(tag);
                        if (f.check().equals(detail)) details.add(set.getKey() + "/" + tag + ": " + f.detail());
                    }
                }
            }
            reports.put(set.getKey(), n);
        }
        print(reports, failed, shownIds);
        if (detail != null) details.forEach(System.out::println);
    }

    /** One report read: the checks' findings, or "no-report" where `diagnose` would exit 1. */
    static List<ReportChecks.Finding> audit(Diagnoser diagnoser, Case c, String text) {
        Gathered g = EvidenceGatherer.from(LogText.of(text)).sessionFacts(Facts.EMPTY).gather();
        Report r = g.diagnose(diagnoser);
        if (g.nothingToDiagnose(r)) return List.of(new ReportChecks.Finding("no-report", "exit 1"));
        return ReportChecks.all(c, text, r);
    }

    /** One case's two reports as `diagnose --json -` prints them, with what the checks found. */
    private static void show(Diagnoser diagnoser, String id) {
        for (var set : sets().values()) {
            for (Case c : set.get()) {
                if (!c.id().equals(id)) continue;
                for (String text : List.of(c.withDescription(), c.paste())) {
                    Report r = EvidenceGatherer.from(LogText.of(text)).sessionFacts(Facts.EMPTY).gather()
                            .diagnose(diagnoser);
                    System.out.println(r.issueType() + " " + r.category() + " " + r.phase() + " " + r.framework()
                            + " kb " + r.kb());
                    for (Report.Fix f : r.fixes()) {
                        System.out.println("  " + f.kb() + " " + f.title() + "\n    before: " + f.before()
                                .replace("\n", "\n            ") + "\n    after:  " + f.after()
                                .replace("\n", "\n            "));
                    }
                    System.out.println(ReportChecks.all(c, text, r));
                }
            }
        }
    }

    /** The corpus and every scored blind split, in order; the ones still being written are never named here. */
    static Map<String, Supplier<List<Case>>> sets() {
        Map<String, Supplier<List<Case>>> m = new LinkedHashMap<>();
        m.put("corpus", Corpus::all);
        m.putAll(Corpus.burnedSplits());
        return m;
    }

    private static void print(Map<String, Integer> reports, Map<String, Map<String, List<String>>> failed,
                              int shownIds) {
        int total = reports.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("Report audit: " + total + " reports (" + reports + "), all burned development data");
        StringBuilder head = new StringBuilder(String.format("%-26s %6s", "check", "all"));
        for (String s : reports.keySet()) head.append(String.format(" %6s", s));
        System.out.println(head);
        for (String check : ReportChecks.NAMES) {
            Map<String, List<String>> bySet = failed.getOrDefault(check, Map.of());
            int all = bySet.values().stream().mapToInt(List::size).sum();
            StringBuilder row = new StringBuilder(String.format("%-26s %6d", check, all));
            for (String s : reports.keySet()) row.append(String.format(" %6d", bySet.getOrDefault(s,
                    List.of()).size()));
            System.out.println(row);
        }
        System.out.println();
        for (String check : ReportChecks.NAMES) {
            Map<String, List<String>> bySet = failed.getOrDefault(check, Map.of());
            if (bySet.isEmpty()) continue;
            List<String> ids = new ArrayList<>();
            bySet.forEach((s, l) -> l.forEach(id -> ids.add(s + "/" + id)));
            System.out.println(check + " (" + ids.size() + "): " + String.join(" ",
                    ids.subList(0, Math.min(shownIds, ids.size()))) + (ids.size() > shownIds ? " ..." : ""));
        }
    }
}
