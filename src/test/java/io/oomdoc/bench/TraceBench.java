package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.reasoning.LinearModel;
import io.oomdoc.protocol.reasoning.Reasoner;
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
 * Trace benchmark. On the corpus (src/test/resources/corpus): grouped cross-validated figures on the development
 * part, for both input modes, with a confusion matrix; with --final also the final split, diagnosed by weights
 * fitted on the development part only. Then the time per case and for a large log.
 * Run: bench/run.sh TraceBench [--final] [--heldout5] [--heldout6] [--heldout7] [--heldout8] [--heldout9]
 *     [--heldout10] [--heldout11] [--heldout12] [--heldout13] [--heldout14]
 *     [--heldout15] [--heldout16] [--heldout17] [--heldout18] [--heldout19] [--heldout20]
 *     [--heldout21] [--heldout22] [--heldout23] [--heldout24] [--heldout25] [--heldout26] [--heldout27]
 *     [--heldout28] [--heldout29] [--heldout30] [--heldout31] [--heldout32] [--heldout33] [--heldout34]
 *     [--heldout35] [--heldout36] [--heldout37] [--heldout38] [--heldout39] [--heldout40] [--heldout41]
 *     [--heldout42] [log-size-MB]
 */
public final class TraceBench {
    public static void main(String[] args) throws Exception {
        boolean scoreFinal = List.of(args).contains("--final");
        int mb = List.of(args).stream().filter(a -> a.matches("\\d+")).findFirst().map(Integer::parseInt).orElse(100);
        TrainReasoner.quiet();
        TrainReasoner.useBundledWordSettings();
        double l2 = bundledL2();
        TrainReasoner.phaseL2 = Double.parseDouble(System.getProperty("oomdoc.phaseL2",
                String.valueOf(bundled("phase-l2 ([0-9.]+)", TrainReasoner.phaseL2))));
        TrainReasoner.priorScale = io.oomdoc.protocol.reasoning.LinearModel.resource(Reasoner.CATEGORY_WEIGHTS).scalar(Reasoner.PRIOR_SCALE);
        List<Case> dev = Corpus.development();
        List<TrainReasoner.Example> devEx = TrainReasoner.examples(dev);
        Scores cv = CrossValidation.run(devEx, l2, TrainReasoner.FOLDS);
        System.out.println(cv.table("Grouped " + TrainReasoner.FOLDS + "-fold cross-validation, development part ("
                + dev.size() + " cases, " + dev.stream().map(Case::group).distinct().count() + " groups), l2 " + l2 + ", expert-prior scale " + TrainReasoner.priorScale));
        System.out.println(cv.confusion());
        System.out.println(cv.phaseConfusion());
        System.out.println("Misses (cross-validated, description + paste):\n" + cv.misses(400));
        if (List.of(args).contains("--phase-misses"))
            System.out.println("Phase misses (cross-validated, paste alone):\n" + cv.phaseMisses(false, 400));
        if (scoreFinal) {
            List<Case> fin = Corpus.finalSplit();
            Scores f = CrossValidation.bundled(TrainReasoner.examples(fin));
            System.out.println(f.table("Final split (" + fin.size() + " cases, "
                    + fin.stream().map(Case::group).distinct().count() + " groups), bundled weights"));
            // Only the figures: per-case results of the final split are not printed, so nobody tunes on them.
            System.out.println(f.confusion());
        }
        // Since round 6 of issue 12 the bundled weights are fitted on corpus_heldout5 too: its figures are in-sample
        // (bench/run.sh CombinedCv cross-validates it).
        if (List.of(args).contains("--heldout5")) {
            scoreBlind("Third split, corpus_heldout5, in-sample since round 6", Corpus.heldout5());
        }
        // Since round 7 the bundled weights are fitted on corpus_heldout6 too (bench/run.sh SixthFold cross-validates it).
        if (List.of(args).contains("--heldout6")) {
            scoreBlind("Sixth split, corpus_heldout6, in-sample since round 7", Corpus.heldout6());
        }
        if (List.of(args).contains("--heldout7")) scoreBlind("Seventh split, corpus_heldout7", Corpus.heldout7());
        if (List.of(args).contains("--heldout8")) scoreBlind("Eighth split, corpus_heldout8", Corpus.heldout8());
        if (List.of(args).contains("--heldout9")) scoreBlind("Ninth split, corpus_heldout9", Corpus.heldout9());
        if (List.of(args).contains("--heldout10")) scoreBlind("Tenth split, corpus_heldout10", Corpus.heldout10());
        if (List.of(args).contains("--heldout11")) scoreBlind("Eleventh split, corpus_heldout11", Corpus.heldout11());
        if (List.of(args).contains("--heldout12")) scoreBlind("Twelfth split, corpus_heldout12", Corpus.heldout12());
        if (List.of(args).contains("--heldout13")) scoreBlind("Thirteenth split, corpus_heldout13", Corpus.heldout13());
        if (List.of(args).contains("--heldout14")) scoreBlind("Fourteenth split, corpus_heldout14", Corpus.heldout14());
        if (List.of(args).contains("--heldout15")) scoreBlind("Fifteenth split, corpus_heldout15", Corpus.heldout15());
        if (List.of(args).contains("--heldout16")) scoreBlind("Sixteenth split, corpus_heldout16", Corpus.heldout16());
        if (List.of(args).contains("--heldout17")) scoreBlind("17th split, corpus_heldout17", Corpus.heldout17());
        if (List.of(args).contains("--heldout18")) scoreBlind("18th split, corpus_heldout18", Corpus.heldout18());
        if (List.of(args).contains("--heldout19")) scoreBlind("19th split, corpus_heldout19", Corpus.heldout19());
        if (List.of(args).contains("--heldout20")) scoreBlind("20th split, corpus_heldout20", Corpus.heldout20());
        if (List.of(args).contains("--heldout21")) scoreBlind("21st split, corpus_heldout21", Corpus.heldout21());
        if (List.of(args).contains("--heldout22")) scoreBlind("22nd split, corpus_heldout22", Corpus.heldout22());
        if (List.of(args).contains("--heldout23")) scoreBlind("23rd split, corpus_heldout23", Corpus.heldout23());
        if (List.of(args).contains("--heldout24")) scoreBlind("24th split, corpus_heldout24", Corpus.heldout24());
        if (List.of(args).contains("--heldout25")) scoreBlind("25th split, corpus_heldout25", Corpus.heldout25());
        if (List.of(args).contains("--heldout26")) scoreBlind("26th split, corpus_heldout26", Corpus.heldout26());
        if (List.of(args).contains("--heldout27")) scoreBlind("27th split, corpus_heldout27", Corpus.heldout27());
        if (List.of(args).contains("--heldout28")) scoreBlind("28th split, corpus_heldout28", Corpus.heldout28());
        if (List.of(args).contains("--heldout29")) scoreBlind("29th split, corpus_heldout29", Corpus.heldout29());
        if (List.of(args).contains("--heldout30")) scoreBlind("30th split, corpus_heldout30", Corpus.heldout30());
        if (List.of(args).contains("--heldout31")) scoreBlind("31st split, corpus_heldout31", Corpus.heldout31());
        if (List.of(args).contains("--heldout32")) scoreBlind("32nd split, corpus_heldout32", Corpus.heldout32());
        if (List.of(args).contains("--heldout33")) scoreBlind("33rd split, corpus_heldout33", Corpus.heldout33());
        if (List.of(args).contains("--heldout34")) scoreBlind("34th split, corpus_heldout34", Corpus.heldout34());
        if (List.of(args).contains("--heldout35")) {
            scoreBlind("35th split, corpus_heldout35", Corpus.heldout35());
            // Nine of its reports mirror new threads in repositories already cited elsewhere: scored apart too.
            java.util.function.Predicate<Case> mirror = c -> MIRRORS_35.matcher(c.id()).lookingAt();
            scoreBlind("35th split, forum mirrors", Corpus.heldout35().stream().filter(mirror).toList());
            scoreBlind("35th split, without mirrors", Corpus.heldout35().stream().filter(mirror.negate()).toList());
        }
        if (List.of(args).contains("--heldout36")) scoreBlind("36th split, corpus_heldout36", Corpus.heldout36());
        if (List.of(args).contains("--heldout37")) scoreBlind("37th split, corpus_heldout37", Corpus.heldout37());
        if (List.of(args).contains("--heldout38")) scoreBlind("38th split, corpus_heldout38", Corpus.heldout38());
        if (List.of(args).contains("--heldout39")) scoreBlind("39th split, corpus_heldout39", Corpus.heldout39());
        if (List.of(args).contains("--heldout40")) scoreBlind("40th split, corpus_heldout40", Corpus.heldout40());
        if (List.of(args).contains("--heldout41")) scoreBlind("41st split, corpus_heldout41", Corpus.heldout41());
        if (List.of(args).contains("--heldout42")) scoreBlind("42nd split, corpus_heldout42", Corpus.heldout42());
        speed(dev);
        bigLog(mb);
    }

    static final java.util.regex.Pattern MIRRORS_35 = java.util.regex.Pattern.compile(
            "forum-(stepcodex|hdoplus|astrobox|gitmemories|computersurge)-");

    /** A blind split, diagnosed by the bundled weights: figures only, as for the final split, so nobody tunes on it. */
    static void scoreBlind(String name, List<Case> cases) {
        Scores h = CrossValidation.bundled(TrainReasoner.examples(cases));
        System.out.println(h.table(name + " (" + cases.size() + " cases, "
                + cases.stream().map(Case::group).distinct().count() + " groups), bundled weights"));
        System.out.println(h.confusion());
    }

    static double bundled(String pattern, double fallback) throws Exception {
        try (var in = TraceBench.class.getClassLoader().getResourceAsStream(Reasoner.CATEGORY_WEIGHTS)) {
            var m = java.util.regex.Pattern.compile(pattern).matcher(new String(in.readNBytes(400), StandardCharsets.UTF_8));
            return m.find() ? Double.parseDouble(m.group(1)) : fallback;
        }
    }

    /**
     * Quiet training output and the bundled weights' hyperparameters (phase-l2, expert-prior scale) set on
     * TrainReasoner, as every fold bench refits with them; returns the bundled l2.
     */
    static double useBundledHyperparameters() throws Exception {
        TrainReasoner.quiet();
        TrainReasoner.useBundledWordSettings();
        TrainReasoner.phaseL2 = bundled("phase-l2 ([0-9.]+)", TrainReasoner.phaseL2);
        TrainReasoner.priorScale = LinearModel.resource(Reasoner.CATEGORY_WEIGHTS).scalar(Reasoner.PRIOR_SCALE);
        return bundledL2();
    }

    static double bundledL2() throws Exception {
        try (var in = TraceBench.class.getClassLoader().getResourceAsStream(Reasoner.CATEGORY_WEIGHTS)) {
            String head = new String(in.readNBytes(400), StandardCharsets.UTF_8);
            var m = java.util.regex.Pattern.compile("l2 ([0-9.]+)").matcher(head);
            return m.find() ? Double.parseDouble(m.group(1)) : TrainReasoner.L2_GRID[1];
        }
    }

    /** In-process time per case, the whole protocol (parse, evidence, reasoning, report). */
    static void speed(List<Case> cases) {
        Diagnoser d = new Diagnoser();
        for (Case c : cases) d.diagnose(LogText.of(c.withDescription()), null, Facts.EMPTY, null, null);
        long t0 = System.nanoTime();
        for (Case c : cases) d.diagnose(LogText.of(c.withDescription()), null, Facts.EMPTY, null, null);
        System.out.printf(Locale.ROOT, "%.2f ms per case in-process (%d cases, warm)%n", (System.nanoTime() - t0) / 1e6 / cases.size(),
                cases.size());
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
}
