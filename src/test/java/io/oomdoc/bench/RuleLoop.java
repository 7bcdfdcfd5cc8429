package io.oomdoc.bench;

import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.Rules;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One rule's CPU on the admitted files of a tree, pass after pass on fresh parses (the first pass pays the JIT):
 * to tell a rule's steady cost from warm-up before optimising it.
 * Run: bench/run.sh RuleLoop TREE RULE_ID [PASSES]
 */
public final class RuleLoop {
    public static void main(String[] args) throws Exception {
        Path tree = Path.of(args[0]);
        Rule rule = Rules.ALL.stream().filter(r -> r.id().equals(args[1])).findFirst().orElseThrow();
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Path> files;
        try (var s = Files.walk(tree)) { files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList(); }
        List<String[]> admitted = new ArrayList<>();
        for (Path f : files) {
            if (PythonScanner.testFileForProfile(tree.relativize(f).toString().replace('\\', '/'))) continue;
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            if (PythonScanner.relevantForProfile(text, false)) admitted.add(new String[]{f.toString(), text});
        }
        var bean = ManagementFactory.getThreadMXBean();
        for (int p = 0; p < passes; p++) {
            long cpu = 0;
            int findings = 0;
            for (String[] f : admitted) {
                PySource src = new PySource(f[0], f[1], null);
                long a = bean.getCurrentThreadCpuTime();
                findings += rule.check(src).size();
                cpu += bean.getCurrentThreadCpuTime() - a;
            }
            System.out.printf(Locale.ROOT, "pass %d: %s on %d files, %.3f s CPU, %d findings%n", p + 1, rule.id(),
                    admitted.size(), cpu / 1e9, findings);
        }
    }
}
