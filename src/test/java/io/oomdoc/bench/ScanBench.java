package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.Rules;
import io.oomdoc.evidence.code.ScanResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scanner benchmark: precision and recall per rule on the labeled cases of scan_dev, then scan time of a large tree
 * against `grep -rn` with the same kind of patterns, and the in-the-wild audit of scan_wild. The labels are in the
 * tree; the code is not (issue 17): DEV_CHECKOUTS/caseNN/ and WILD_CHECKOUTS/owner+name/ hold the labelled files at
 * their commits (scan_dev/README.md and scan_wild/README.md, "Rerunning").
 * Run: bench/run.sh ScanBench DEV_CHECKOUTS [large-tree] [WILD_CHECKOUTS], or ScanBench --speed TREE [--all]
 */
public final class ScanBench {
    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--speed")) { // the timing only; --all times every rule too
            speed(Path.of(args[1]), args.length > 2 && args[2].equals("--all"));
            return;
        }
        Path labeled = Checkouts.require("ScanBench", args.length > 0 ? args[0] : null, "scan_dev");
        Path large = Path.of(args.length > 1 ? args[1] : "/root/.pyenv/versions/3.12.1/lib/python3.12");
        accuracy(Path.of("src/test/resources/scan_dev"), labeled);
        if (args.length > 2) wild(Path.of("src/test/resources/scan_wild"), Checkouts.require("ScanBench", args[2],
                "scan_wild"));
        else System.out.println("no wild checkouts: pass them as the third argument (scan_wild/README.md)");
        if (Files.isDirectory(large)) speed(large, true);
        else System.out.println("no large tree at " + large + ": pass one as the second argument");
    }

    static void accuracy(Path labelsDir, Path dir) throws Exception {
        JsonNode labels = new ObjectMapper().readTree(labelsDir.resolve("labels.json").toFile());
        Map<String, int[]> perRule = new TreeMap<>(); // tp, fp, fn
        PythonScanner scanner = new PythonScanner(Rules.ALL); // the dev set labels every rule
        for (JsonNode c : labels) {
            ScanResult r = scanner.scan(dir.resolve(c.path("case").asText()));
            Set<String> req = new HashSet<>(), acc = new HashSet<>(), hit = new HashSet<>();
            for (JsonNode f : c.path("findings")) req.add(f.path("rule").asText() + "@" + f.path("line").asInt());
            for (JsonNode f : c.path("acceptable")) acc.add(f.path("rule").asText() + "@" + f.path("line").asInt());
            for (Finding f : r.findings()) {
                String k = f.rule() + "@" + f.line();
                int[] s = perRule.computeIfAbsent(f.rule(), x -> new int[3]);
                if (req.contains(k)) { s[0]++; hit.add(k); } else if (!acc.contains(k)) s[1]++;
            }
            for (String k : req) if (!hit.contains(k)) perRule.computeIfAbsent(k.substring(0, k.indexOf('@')), x -> new int[3])[2]++;
        }
        int tp = 0, fp = 0, fn = 0;
        System.out.println("| rule | tp | fp | fn | precision | recall |\n|---|---|---|---|---|---|");
        for (var e : perRule.entrySet()) {
            int[] s = e.getValue();
            tp += s[0]; fp += s[1]; fn += s[2];
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f |%n", e.getKey(), s[0], s[1], s[2], ratio(s[0], s[0] + s[1]), ratio(s[0], s[0] + s[2]));
        }
        System.out.printf(Locale.ROOT, "| all | %d | %d | %d | %.2f | %.2f |%n%n", tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn));
    }

    /**
     * The in-the-wild audit (scan_wild layout): every finding is looked up in the judgments; unjudged ones count
     * as false. Printed per split and per rule, for the default rules and for --all.
     */
    static void wild(Path labelsDir, Path dir) throws Exception {
        JsonNode labels = new ObjectMapper().readTree(labelsDir.resolve("labels.json").toFile());
        Map<String, Boolean> judged = new TreeMap<>();
        Map<String, String> split = new TreeMap<>();
        for (JsonNode l : labels) {
            String repo = l.path("repo").asText().replace('/', '+');
            split.put(repo, l.path("split").asText());
            if (!l.path("rule").asText().isEmpty()) judged.put(repo + "|" + l.path("file").asText() + "|"
                    + l.path("line").asInt() + "|" + l.path("rule").asText(), l.path("true").asBoolean());
        }
        for (boolean all : new boolean[]{false, true}) {
            PythonScanner scanner = new PythonScanner(all ? Rules.ALL : Rules.DEFAULT);
            Map<String, int[]> perSplit = new TreeMap<>(), perRule = new TreeMap<>(); // tp, fp, repos, files, missed
            Set<String> hit = new HashSet<>();
            for (var e : split.entrySet()) {
                ScanResult r = scanner.scan(dir.resolve(e.getKey()));
                int[] s = perSplit.computeIfAbsent(e.getValue(), x -> new int[5]);
                s[2]++;
                s[3] += r.filesScanned();
                for (Finding f : r.findings()) {
                    String k = e.getKey() + "|" + f.file() + "|" + f.line() + "|" + f.rule();
                    Boolean t = judged.get(k);
                    int[] pr = perRule.computeIfAbsent(f.rule(), x -> new int[5]);
                    if (Boolean.TRUE.equals(t)) { s[0]++; pr[0]++; hit.add(k); } else { s[1]++; pr[1]++; }
                    if (t == null) System.out.println("  unjudged finding (counted false): " + k);
                }
            }
            for (var j : judged.entrySet()) { // true instances no finding matched: misses, for recall
                String rule = j.getKey().substring(j.getKey().lastIndexOf('|') + 1);
                if (!j.getValue() || hit.contains(j.getKey()) || !all && Rules.DEFAULT.stream()
                        .noneMatch(r -> r.id().equals(rule))) continue;
                perSplit.get(split.get(j.getKey().split("\\|")[0]))[4]++;
                perRule.computeIfAbsent(rule, x -> new int[5])[4]++;
            }
            System.out.println("In the wild, " + (all ? "--all" : "default rules") + " (" + dir + "):");
            System.out.println("| split | repositories | files scanned | findings | true | false | missed | precision |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (var e : perSplit.entrySet()) {
                int[] s = e.getValue();
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s |%n", e.getKey(), s[2], s[3],
                        s[0] + s[1], s[0], s[1], s[4], s[0] + s[1] == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f",
                                ratio(s[0], s[0] + s[1])));
            }
            System.out.println("| rule | true | false | missed (known) | precision | recall of known |\n|---|---|---|---|---|---|");
            for (var e : perRule.entrySet()) {
                int[] s = e.getValue();
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f |%n", e.getKey(), s[0], s[1], s[4],
                        ratio(s[0], s[0] + s[1]), ratio(s[0], s[0] + s[4]));
            }
            System.out.println();
        }
    }

    static double ratio(int a, int b) { return b == 0 ? 1.0 : a / (double) b; }

    static void speed(Path tree, boolean everyRule) throws Exception {
        long lines;
        try (var s = Files.walk(tree)) {
            lines = s.filter(p -> p.toString().endsWith(".py")).mapToLong(p -> {
                try (var l = Files.lines(p, java.nio.charset.StandardCharsets.ISO_8859_1)) { return l.count(); } catch (Exception e) { return 0; }
            }).sum();
        }
        new PythonScanner(Rules.ALL).scan(Path.of("src/test/resources/scan_patterns")); // warm-up: classes, parser
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ScanResult r = new PythonScanner().scan(tree); // the default rules, as `oomdoc scan` runs
        double scan = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        long t2 = System.nanoTime();
        ScanResult every = everyRule ? new PythonScanner(Rules.ALL).scan(tree) : r;
        double scanAll = (System.nanoTime() - t2) / 1e9;
        long t1 = System.nanoTime(); // grep's process start counts, as the JVM's warm scan does not
        Process g = new ProcessBuilder("grep", "-rnE", "--include=*.py",
                "backward|empty_cache|torch\\.load|DistributedDataParallel|no_grad|use_cache|compute_metrics|retain_graph|\\.append\\(|\\+=",
                tree.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        g.waitFor();
        double grep = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "large tree: %s, %,d lines of Python, %d files scanned, %d findings%n", tree, lines, r.filesScanned(), r.findings().size());
        System.out.printf(Locale.ROOT, "oomdoc scan %.2f s (warm, %d cores), %,.0f lines/s · grep -rnE same kind of patterns %.2f s · ratio %.1fx%n",
                scan, Runtime.getRuntime().availableProcessors(), lines / scan, grep, scan / grep);
        System.out.printf(Locale.ROOT, "CPU time of the scan %.2f s; load average %.1f%n", cpu,
                os.getSystemLoadAverage());
        r.skipped().stream().filter(k -> k.why().startsWith("time limit") || k.why().startsWith("larger than"))
                .forEach(k -> System.out.println("  default rules skipped: " + k.file() + ": " + k.why()));
        if (!everyRule) return;
        System.out.printf(Locale.ROOT, "--all: %.2f s, %d findings, ratio %.1fx%n", scanAll, every.findings().size(),
                scanAll / grep);
        every.skipped().stream().filter(k -> k.why().startsWith("time limit") || k.why().startsWith("larger than"))
                .limit(10)
                .forEach(k -> System.out.println("  skipped: " + k.file() + ": " + k.why()));
    }
}
