package io.oomdoc.protocol.facts;

import io.oomdoc.Fixtures;
import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The conversation transcripts (src/test/resources/conversations, format in FORMAT.md) replayed through a minimal
 * session fold: each user turn is read; denied keys leave the session, asserted facts merge into it, hypothetical
 * facts are ignored. A turn labelled {@code intent: answer} replies to the question oomdoc would have asked, for the
 * first fact the session lacks (model, then GPU memory, then sequence length, then batch), and is read with
 * {@link FactExtractor#answer}. Then every {@code fact:} and {@code no-fact:} line under the turn is checked; each line
 * is one test.
 */
class TranscriptFactsTest {
    /** One checked line: where it is, what it says, what the session held, whether it holds. */
    record Check(String where, String line, String actual, boolean ok) {}

    /** Framework names the transcripts spell differently from the lexicon. */
    private static final Map<String, String> FRAMEWORK_SYNONYMS = Map.of("transformers", "hf-trainer", "llama.cpp", "llamacpp",
            "hf", "hf-trainer", "llama-cpp", "llamacpp");

    @TestFactory
    Stream<DynamicTest> everyFactLineHolds() throws IOException {
        return checks().stream().map(c -> DynamicTest.dynamicTest(c.where + " " + c.line,
                () -> assertTrue(c.ok, c.where + ": " + c.line + " but the session holds " + c.actual)));
    }

    @Test
    void passRate() throws IOException {
        List<Check> all = checks();
        long ok = all.stream().filter(Check::ok).count();
        System.out.printf(Locale.ROOT, "transcript fact lines: %d/%d hold (%.1f%%)%n", ok, all.size(), 100.0 * ok / all.size());
        all.stream().filter(c -> !c.ok).forEach(c -> System.out.println("  FAIL " + c.where + " " + c.line + " -> " + c.actual));
        if (all.isEmpty()) fail("no transcript fact lines found");
    }

    static List<Check> checks() throws IOException {
        List<Check> out = new ArrayList<>();
        // the source folder when run from the project (target/ may hold copies of transcripts since removed)
        Path dir = Path.of("src/test/resources/conversations");
        if (!Files.isDirectory(dir)) dir = Fixtures.path("conversations");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) out.addAll(replay(f));
        }
        return out;
    }

    static List<Check> replay(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Check> out = new ArrayList<>();
        Facts session = Facts.EMPTY;
        StringBuilder turn = new StringBuilder();
        boolean answer = false;
        int turnNo = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.startsWith(">")) {
                turn.append(turn.isEmpty() ? "" : "\n").append(line.length() > 1 ? line.substring(line.startsWith("> ") ? 2 : 1) : "");
                continue;
            }
            if (!turn.isEmpty()) {
                // a turn ends at its first non-'>' line; look ahead for its intent before folding it in
                answer = false;
                for (int j = i; j < lines.size() && !lines.get(j).startsWith(">"); j++) {
                    if (lines.get(j).strip().equals("intent: answer")) answer = true;
                }
                turnNo++;
                session = fold(session, turn.toString(), answer);
                turn.setLength(0);
            }
            String where = file.getFileName() + " turn " + turnNo;
            if (line.startsWith("fact: ")) {
                String kv = line.substring(6).strip();
                int eq = kv.indexOf('=');
                String key = kv.substring(0, eq), want = kv.substring(eq + 1);
                Object have = session.asMap().get(key);
                out.add(new Check(where, line, String.valueOf(have), have != null && same(key, want, String.valueOf(have))));
            } else if (line.startsWith("no-fact: ")) {
                String key = line.substring(9).strip();
                Object have = session.asMap().get(key);
                boolean ok = have == null || List.of("false", "none").contains(String.valueOf(have).toLowerCase(Locale.ROOT));
                out.add(new Check(where, line, String.valueOf(have), ok));
            }
        }
        return out;
    }

    /** One user turn into the session: denied keys out, asserted facts in, hypotheses ignored. */
    static Facts fold(Facts session, String text, boolean answersAQuestion) {
        FactExtractor.Reading r = FactExtractor.read(text);
        Facts f = session;
        for (String k : r.negated()) f = f.without(k);
        Facts said = answersAQuestion ? FactExtractor.answer(text, pendingKey(session)) : r.asserted();
        return f.merge(said);
    }

    /** The fact oomdoc asks for first when it cannot answer (as ChatResponder does). */
    static String pendingKey(Facts f) {
        if (f.model() == null && f.params() == null) return "model";
        if (f.gpuMemBytes() == null) return "gpu_mem";
        if (f.seqLen() == null) return "seq";
        return "batch";
    }

    /** Case-insensitive, with sizes and parameter counts compared by value and names through the catalogs. */
    static boolean same(String key, String want, String have) {
        String w = want.strip().toLowerCase(Locale.ROOT), h = have.strip().toLowerCase(Locale.ROOT);
        if (w.equals(h)) return true;
        switch (key) {
            case "gpu_mem", "host_ram" -> {
                // marketed sizes and what a trace reports ("80 GiB" vs "79.35 GiB") are the same card
                double a = gib(w), b = gib(h);
                return a > 0 && Math.abs(a - b) <= 0.05 * a;
            }
            case "params" -> {
                double a = count(w), b = count(h);
                return a > 0 && Math.abs(a - b) <= 0.10 * a;
            }
            case "gpu" -> {
                String a = GpuCatalog.find(want).map(GpuCatalog.Gpu::name).orElse(want);
                String b = GpuCatalog.find(have).map(GpuCatalog.Gpu::name).orElse(have);
                return a.equalsIgnoreCase(b);
            }
            case "model" -> {
                String a = w.replaceAll("^.*/", ""), b = h.replaceAll("^.*/", "");
                if (a.startsWith(b) || b.startsWith(a)) return true; // "llama-3.1-8b" is the catalog entry for "Llama-3.1-8B-Instruct"
                var ca = ModelCatalog.find(a).map(s -> s.name());
                return ca.isPresent() && ca.equals(ModelCatalog.find(b).map(s -> s.name()));
            }
            case "framework" -> {
                return FRAMEWORK_SYNONYMS.getOrDefault(w, w).equals(FRAMEWORK_SYNONYMS.getOrDefault(h, h));
            }
            default -> { return false; }
        }
    }

    private static double gib(String s) {
        var m = java.util.regex.Pattern.compile("([\\d.]+)\\s*(gib|gb|g|mib|mb|tib|tb)?").matcher(s);
        if (!m.find()) return -1;
        double v = Double.parseDouble(m.group(1));
        String u = m.group(2) == null ? "g" : m.group(2);
        return u.startsWith("m") ? v / 1024 : u.startsWith("t") ? v * 1024 : v;
    }

    private static double count(String s) {
        var m = java.util.regex.Pattern.compile("([\\d.]+)\\s*([bmk]?)").matcher(s);
        if (!m.find()) return -1;
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) { case "b" -> v * 1e9; case "m" -> v * 1e6; case "k" -> v * 1e3; default -> v; };
    }
}
