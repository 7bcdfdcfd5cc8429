package io.oomdoc.bench;

import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.Rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a scan's time goes, file by file, on one thread: reading, the prefilter, the parse and index, each rule.
 * Prints totals, the slowest file and the files over 200 ms; skips tests and vendored code as a real scan does.
 * Times are CPU time of this thread: on a shared machine wall time would charge the scan for other people's work.
 * Run: bench/run.sh ScanProfile TREE [--all]
 */
public final class ScanProfile {
    private static final java.lang.management.ThreadMXBean MX =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static long now() { return MX.getCurrentThreadCpuTime(); }

    public static void main(String[] args) throws Exception {
        Path tree = Path.of(args[0]);
        boolean all = args.length > 1 && args[1].equals("--all");
        List<Rule> rules = all ? Rules.ALL : Rules.DEFAULT;
        List<Path> files;
        try (var s = Files.walk(tree)) { files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList(); }
        new PySource("<warm>", "pass\n", null);
        long read = 0, filter = 0, parse = 0;
        long[] perRule = new long[rules.size()];
        int parsed = 0;
        List<String> slow = new ArrayList<>();
        long slowest = 0;
        String slowestFile = "none";
        int tests = 0;
        for (Path f : files) {
            if (PythonScanner.testFileForProfile(tree.relativize(f).toString().replace('\\', '/'))) {
                tests++; // a real scan skips tests and vendored code before reading them
                continue;
            }
            long t0 = now();
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            long t1 = now();
            boolean rel = PythonScanner.relevantForProfile(text, all);
            long t2 = now();
            read += t1 - t0; filter += t2 - t1;
            if (!rel) continue;
            parsed++;
            PySource src = new PySource(f.toString(), text, null);
            long t3 = now();
            parse += t3 - t2;
            long r0 = t3;
            StringBuilder which = new StringBuilder();
            for (int i = 0; i < rules.size(); i++) {
                long a = now();
                rules.get(i).check(src);
                long d = now() - a;
                perRule[i] += d;
                if (d > 100_000_000) which.append(' ').append(rules.get(i).id()).append('=').append(d / 1_000_000);
            }
            long total = now() - t2;
            if (now() - t0 > slowest) { slowest = now() - t0; slowestFile = tree.relativize(f).toString(); }
            if (total > 200_000_000) slow.add(String.format(Locale.ROOT, "%6d ms parse %5d ms %7d B %s%s",
                    total / 1_000_000, (t3 - t2) / 1_000_000, text.length(), tree.relativize(f), which));
        }
        System.out.printf(Locale.ROOT, "%d files (%d tests or vendored, not read), %d parsed; CPU: read %.2f s, "
                + "prefilter %.2f s, parse+index %.2f s%n", files.size(), tests, parsed, read / 1e9, filter / 1e9,
                parse / 1e9);
        System.out.printf(Locale.ROOT, "slowest parsed file (read, prefilter, parse, every rule): %d ms, %s%n",
                slowest / 1_000_000, slowestFile);
        for (int i = 0; i < rules.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-28s %.2f s%n", rules.get(i).id(), perRule[i] / 1e9);
        }
        slow.stream().sorted(java.util.Comparator.reverseOrder()).limit(25).forEach(System.out::println);
    }
}
