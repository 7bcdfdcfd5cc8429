package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogReader;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.TraceAnalysis;
import io.oomdoc.evidence.trace.TraceAnalyzer;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Trace benchmark: category accuracy and KB recall on a labeled JSONL (default: the dev set), and the
 * time and heap to diagnose a large log with the failure near its end.
 * Run: bench/run.sh TraceBench [cases.jsonl] [log-size-MB]
 */
public final class TraceBench {
    public static void main(String[] args) throws Exception {
        List<JsonNode> cases = args.length > 0 && !args[0].equals("-")
                ? readJsonl(Path.of(args[0])) : Fixtures.devCases();
        int mb = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        accuracy(cases);
        traceOnly(cases);
        bigLog(mb);
    }

    static void accuracy(List<JsonNode> cases) {
        Diagnoser d = new Diagnoser();
        int top1 = 0, kb3 = 0;
        long t0 = System.nanoTime();
        System.out.println("| case | expected | got | conf | kb top-3 | hit |");
        System.out.println("|---|---|---|---|---|---|");
        for (JsonNode c : cases) {
            String text = Fixtures.caseText(c);
            Report r = d.diagnose(LogText.of(text), text, Facts.EMPTY, null, null);
            boolean ok = r.category().equals(c.path("category").asText());
            List<String> top = r.kb().subList(0, Math.min(3, r.kb().size()));
            boolean hit = false;
            for (JsonNode k : c.path("kb")) hit |= top.contains(k.asText());
            top1 += ok ? 1 : 0;
            kb3 += hit ? 1 : 0;
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s |%n", c.path("id").asText(), c.path("category").asText(),
                    r.category(), r.hypotheses().get(0).confidence(), String.join(",", top), (ok ? "✓" : "✗") + (hit ? "✓" : "✗"));
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "%ncategory top-1: %d/%d = %.1f%%   KB within top 3: %d/%d = %.1f%%   (%.1f ms per case)%n%n",
                top1, cases.size(), 100.0 * top1 / cases.size(), kb3, cases.size(), 100.0 * kb3 / cases.size(), ms / cases.size());
    }

    /** The same cases with only the pasted trace, no description: what `oomdoc diagnose FILE` sees. */
    static void traceOnly(List<JsonNode> cases) {
        Diagnoser d = new Diagnoser();
        int top1 = 0, kb3 = 0;
        for (JsonNode c : cases) {
            String text = c.path("trace").asText();
            Report r = d.diagnose(LogText.of(text), null, Facts.EMPTY, null, null);
            top1 += r.category().equals(c.path("category").asText()) ? 1 : 0;
            List<String> top = r.kb().subList(0, Math.min(3, r.kb().size()));
            boolean hit = false;
            for (JsonNode k : c.path("kb")) hit |= top.contains(k.asText());
            kb3 += hit ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "trace only (no description): category top-1 %d/%d = %.1f%%   KB within top 3: %d/%d = %.1f%%%n%n",
                top1, cases.size(), 100.0 * top1 / cases.size(), kb3, cases.size(), 100.0 * kb3 / cases.size());
    }

    static void bigLog(int mb) throws Exception {
        Path log = Files.createTempFile("oomdoc-big", ".log");
        byte[] chatter = "2026-11-23 10:00:00 | INFO | step 123456 | loss 2.3456 | lr 3.0e-4 | grad_norm 0.91 | tokens/s 81234\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 20)) {
            long target = mb * 1024L * 1024L;
            for (long w = 0; w < target; w += chatter.length) out.write(chatter);
            out.write(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt").getBytes(StandardCharsets.UTF_8));
        }
        System.gc();
        long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long t0 = System.nanoTime();
        TraceAnalysis a;
        try (InputStream in = Files.newInputStream(log)) {
            a = new TraceAnalyzer().analyze(new LogReader().read(in));
        }
        Report r = new Diagnoser().diagnose(a.log(), null, Facts.EMPTY, null, null);
        double s = (System.nanoTime() - t0) / 1e9;
        long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf(Locale.ROOT, "big log: %d MB, failure at line %d, phase %s, category %s: %.2f s, heap %d → %d MB (max heap %d MB), %d lines kept%n",
                Files.size(log) >> 20, a.primary().get().line(), a.phase().json(), r.category(), s,
                heapBefore >> 20, heapAfter >> 20, Runtime.getRuntime().maxMemory() >> 20, a.log().lines().size());
        Files.delete(log);
    }

    static List<JsonNode> readJsonl(Path p) throws Exception {
        var m = new com.fasterxml.jackson.databind.ObjectMapper();
        return Files.readAllLines(p).stream().filter(l -> !l.isBlank()).map(l -> {
            try { return m.readTree(l); } catch (Exception e) { throw new IllegalArgumentException(e); }
        }).toList();
    }
}
