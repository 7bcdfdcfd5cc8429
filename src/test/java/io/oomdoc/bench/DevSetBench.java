package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.Rules;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision and recall of the scanner on the labelled files of scan_dev2, per split (dev: tuned on; test: not).
 * The labels are in the tree (src/test/resources/scan_dev2/labels.json), the code is not: CHECKOUTS holds, per
 * repository, CHECKOUTS/owner+name/PATH for each labelled file at its commit (scan_dev2/README.md, "Rerunning").
 * Each repository folder is scanned on its own, as `oomdoc scan` would scan that repository. A finding is true when
 * labels.json lists it under "findings", false when it is listed under "false", unjudged otherwise (counted false).
 * Run: bench/run.sh DevSetBench CHECKOUTS [--split dev]: with --split, only that split's repositories are scanned
 * and shown, so tuning on dev never shows the test split's figures.
 */
public final class DevSetBench {
    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        int at = a.indexOf("--split");
        String only = at >= 0 && at + 1 < a.size() ? a.get(at + 1) : null;
        Path dir = Checkouts.require("DevSetBench", !a.isEmpty() && !a.get(0).startsWith("--") ? a.get(0) : null,
                "scan_dev2");
        JsonNode labels = new ObjectMapper().readTree(Path.of("src/test/resources/scan_dev2/labels.json").toFile());
        for (List<Rule> rules : List.of(Rules.DEFAULT, Rules.ALL)) {
            System.out.println(rules == Rules.DEFAULT ? "== default rules" : "== --all");
            report(dir, labels, rules, only);
        }
    }

    private static void report(Path dir, JsonNode labels, List<Rule> rules, String only) throws Exception {
        Set<String> ruleIds = new HashSet<>();
        for (Rule r : rules) ruleIds.add(r.id());
        Map<String, String> splitOf = new HashMap<>();
        Map<String, Set<String>> truths = new TreeMap<>(), falses = new TreeMap<>();
        Set<String> repos = new java.util.TreeSet<>();
        for (JsonNode e : labels) {
            if (only != null && !only.equals(e.get("split").asText())) continue;
            String repo = e.get("repo").asText().replace('/', '+');
            repos.add(repo);
            splitOf.put(repo, e.get("split").asText());
            String file = e.get("path").asText();
            for (JsonNode f : e.get("findings")) if (ruleIds.contains(f.get("rule").asText())) {
                truths.computeIfAbsent(repo, k -> new HashSet<>()).add(key(file, f));
            }
            for (JsonNode f : e.get("false")) falses.computeIfAbsent(repo, k -> new HashSet<>()).add(key(file, f));
        }
        Map<String, int[]> bySplit = new TreeMap<>(); // tp, fp, fn, unjudged
        for (String repo : repos) {
            int[] c = bySplit.computeIfAbsent(splitOf.get(repo), k -> new int[4]);
            Set<String> expected = new HashSet<>(truths.getOrDefault(repo, Set.of()));
            for (Finding f : new PythonScanner(rules).scan(dir.resolve(repo)).findings()) {
                String k = f.file() + ":" + f.rule() + ":" + f.line();
                if (expected.remove(k)) c[0]++;
                else {
                    c[1]++;
                    boolean judged = falses.getOrDefault(repo, Set.of()).contains(k);
                    if (!judged) c[3]++;
                    System.out.println("  false" + (judged ? "" : " (unjudged)") + ": " + repo + "/" + k);
                }
            }
            c[2] += expected.size();
            for (String k : expected) System.out.println("  missed: " + repo + "/" + k);
        }
        for (var e : bySplit.entrySet()) {
            int[] c = e.getValue();
            System.out.printf(Locale.ROOT, "%s: %d true, %d false (%d unjudged), %d missed; precision %s, recall %s%n",
                    e.getKey(), c[0], c[1], c[3], c[2], ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]));
        }
    }

    private static String key(String file, JsonNode f) {
        return file + ":" + f.get("rule").asText() + ":" + f.get("line").asInt();
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "n/a (0 of 0)" : String.format(Locale.ROOT, "%.2f (%d of %d)", (double) a / b, a, b);
    }
}
