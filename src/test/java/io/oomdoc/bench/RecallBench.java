package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.Rules;
import io.oomdoc.evidence.code.ScanResult;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recall and precision per rule on scan_recall11's layout: labels.json (in the tree, LABELS/labels.json) says which
 * rule must report inside which function (positives) or must stay quiet there (the fixed file); the code is not in
 * the tree: CHECKOUTS/CASE/FILE holds each case's file at its commit (scan_recall11/SPLIT.md, "Rerunning"). Other
 * findings are printed for reading, not scored.
 * Run: bench/run.sh RecallBench src/test/resources/scan_recall11/tune CHECKOUTS [--all]
 */
public final class RecallBench {
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bench/run.sh RecallBench LABELS_DIR CHECKOUTS [--all]");
            System.exit(2);
        }
        Path labelsDir = Path.of(args[0]);
        String set = labelsDir.getParent() == null ? labelsDir.toString() : labelsDir.getParent().getFileName()
                .toString();
        Path dir = Checkouts.require("RecallBench", args.length > 1 && !args[1].startsWith("--") ? args[1] : null, set,
                "SPLIT.md");
        boolean all = java.util.Arrays.asList(args).contains("--all");
        PythonScanner scanner = new PythonScanner(all ? Rules.ALL : Rules.DEFAULT);
        Map<String, int[]> perRule = new TreeMap<>(); // found, missed, false alarm on the fix, quiet on the fix
        for (JsonNode c : new ObjectMapper().readTree(labelsDir.resolve("labels.json").toFile())) {
            ScanResult r = scanner.scan(dir.resolve(c.path("case").asText()));
            String rule = c.path("rule").asText();
            int lo = c.path("span").get(0).asInt(), hi = c.path("span").get(1).asInt();
            boolean hit = false;
            for (Finding f : r.findings()) {
                boolean inside = f.rule().equals(rule) && f.line() >= lo && f.line() <= hi;
                hit |= inside;
                if (!inside) System.out.printf("  other: %s %s:%d%n", f.rule(), c.path("case").asText(), f.line());
            }
            int[] s = perRule.computeIfAbsent(rule, x -> new int[4]);
            boolean positive = c.path("positive").asBoolean();
            s[positive ? (hit ? 0 : 1) : (hit ? 2 : 3)]++;
            System.out.printf("%s %s %s%n", positive ? (hit ? "FOUND " : "MISSED") : (hit ? "FALSE " : "quiet "),
                    rule, c.path("case").asText());
        }
        System.out.println("| rule | found | missed | recall | false on fixed | precision |\n|---|---|---|---|---|---|");
        int[] t = new int[4];
        for (var e : perRule.entrySet()) {
            int[] s = e.getValue();
            for (int i = 0; i < 4; i++) t[i] += s[i];
            row(e.getKey(), s);
        }
        row("all", t);
    }

    private static void row(String name, int[] s) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %s | %d | %s |%n", name, s[0], s[1],
                ratio(s[0], s[0] + s[1]), s[2], ratio(s[0], s[0] + s[2]));
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (double) a / b);
    }
}
