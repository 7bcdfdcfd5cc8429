package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.ScanResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scanner benchmark: precision and recall per rule on a labeled set (scan_dev layout), then scan time of a
 * large tree against `grep -rn` with the same kind of patterns.
 * Run: bench/run.sh ScanBench [labeled-dir] [large-tree]
 */
public final class ScanBench {
    public static void main(String[] args) throws Exception {
        Path labeled = Path.of(args.length > 0 ? args[0] : "src/test/resources/scan_dev");
        Path large = Path.of(args.length > 1 ? args[1] : "/root/.pyenv/versions/3.12.1/lib/python3.12");
        accuracy(labeled);
        if (Files.isDirectory(large)) speed(large);
        else System.out.println("no large tree at " + large + ": pass one as the second argument");
    }

    static void accuracy(Path dir) throws Exception {
        JsonNode labels = new ObjectMapper().readTree(dir.resolve("labels.json").toFile());
        Map<String, int[]> perRule = new TreeMap<>(); // tp, fp, fn
        PythonScanner scanner = new PythonScanner();
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

    static double ratio(int a, int b) { return b == 0 ? 1.0 : a / (double) b; }

    static void speed(Path tree) throws Exception {
        long lines;
        try (var s = Files.walk(tree)) {
            lines = s.filter(p -> p.toString().endsWith(".py")).mapToLong(p -> {
                try (var l = Files.lines(p, java.nio.charset.StandardCharsets.ISO_8859_1)) { return l.count(); } catch (Exception e) { return 0; }
            }).sum();
        }
        new PythonScanner().scan(tree); // warm-up: class loading and the native parser
        long t0 = System.nanoTime();
        ScanResult r = new PythonScanner().scan(tree);
        double scan = (System.nanoTime() - t0) / 1e9;
        Process g = new ProcessBuilder("grep", "-rnE", "--include=*.py",
                "backward|empty_cache|torch\\.load|DistributedDataParallel|no_grad|use_cache|compute_metrics|retain_graph|\\.append\\(|\\+=",
                tree.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        long t1 = System.nanoTime();
        g.waitFor();
        double grep = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "large tree: %s, %,d lines of Python, %d files scanned, %d findings%n", tree, lines, r.filesScanned(), r.findings().size());
        System.out.printf(Locale.ROOT, "oomdoc scan %.2f s (warm, %d cores) · grep -rnE same kind of patterns %.2f s · ratio %.1fx%n",
                scan, Runtime.getRuntime().availableProcessors(), grep, scan / grep);
    }
}
