package io.oomdoc.pit.history;

import org.pitest.mutationtest.DetectionStatus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The history file, one tab-separated line a class and a mutant, sorted, so that a commit shows which verdicts
 * changed:
 * <pre>
 * class   NAME  CODE_HASH  TESTS_HASH
 * mutant  CLASS  METHOD  DESCRIPTOR  INDEXES  MUTATOR  STATUS  TESTS_RUN  [KILLING_TEST]
 * </pre>
 * A line that does not parse (an older format, a hand edit) is skipped: its mutant simply runs again.
 */
final class HistoryFile {
    private static final int KEY_FIELDS = 5;

    /** What a file holds. */
    record Contents(Map<String, ClassPrint> prints, Map<String, KeptResult> results) {}

    private HistoryFile() {}

    static Contents read(Reader in) {
        Map<String, ClassPrint> prints = new TreeMap<>();
        Map<String, KeptResult> results = new TreeMap<>();
        try (BufferedReader lines = new BufferedReader(in)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] f = line.split("\t", -1);
                if (f.length == 4 && f[0].equals("class")) prints.put(f[1], new ClassPrint(f[2], f[3]));
                else if (f.length >= 8 && f[0].equals("mutant")) mutant(f).ifPresent(r -> results.put(r.key(), r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Contents(prints, results);
    }

    private static Optional<KeptResult> mutant(String[] f) {
        try {
            String key = String.join("\t", Arrays.copyOfRange(f, 1, 1 + KEY_FIELDS));
            List<String> killers = new ArrayList<>(Arrays.asList(f).subList(1 + KEY_FIELDS + 2, f.length));
            return Optional.of(new KeptResult(key, DetectionStatus.valueOf(f[1 + KEY_FIELDS]),
                    Integer.parseInt(f[2 + KEY_FIELDS]), List.copyOf(killers)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static void write(PrintWriter out, Contents contents) {
        out.println("# PIT verdicts kept between builds (io.oomdoc.pit.history): written by mvn verify, committed so");
        out.println("# that a build reruns only the mutants of changed classes or tests. Delete it or pass");
        out.println("# -Doomdoc.pit.fresh=true to run every mutant again.");
        new TreeMap<>(contents.prints()).forEach((name, p) -> out.println(String.join("\t", "class", name, p.code(),
                p.tests())));
        new TreeMap<>(contents.results()).values().forEach(r -> out.println(String.join("\t", "mutant", r.key(),
                r.status().name(), String.valueOf(r.testsRun()), String.join("\t", clean(r.killers())))));
        out.flush();
    }

    /** A test's name with a tab or a line break in it (a parameterised display name) would break its line. */
    private static List<String> clean(List<String> names) {
        return names.stream().map(n -> n.replaceAll("[\\t\\r\\n]", " ")).toList();
    }
}
