package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured sets in two sides, for choosing a change by a split (issue 14): the fit side is the dev set and
 * held-out sets 1 to 7, the check side held-out sets 8 to 13 (all burned; the twenty-fourth session's split, which
 * moved 7 to the fit side and took in 12 and 13). Prints median and worst |error| per family on each side, and the
 * fit/OOM calls, with the same reading of each record as BudgetBench.
 * Run: bench/run.sh BudgetSides
 */
public final class BudgetSides {
    static final List<String> FIT = List.of("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5",
            "heldout6", "heldout7");
    static final List<String> CHECK = List.of("heldout8", "heldout9", "heldout10", "heldout11", "heldout12",
            "heldout13");

    public static void main(String[] args) throws Exception {
        System.out.println("| side | family | items | median abs error | worst abs error | fit/OOM calls right |");
        System.out.println("|---|---|---|---|---|---|");
        print("fit", FIT);
        print("check", CHECK);
    }

    private static void print(String side, List<String> sets) throws Exception {
        Map<String, List<Double>> byFamily = new TreeMap<>();
        int[] calls = new int[2];
        BudgetEngine engine = new BudgetEngine();
        for (String set : sets) {
            for (JsonNode r : MeasuredRecords.of(Path.of("src/test/resources/budget/measured_" + set + ".json"))) {
                if (r.path("suspect").asBoolean(false)) continue;
                Setup s = BudgetBench.devSetup(r);
                call(r, s, engine, calls);
                if (!r.path("measured_bytes").isNumber() || s.seq() == 0) continue;
                double measured = r.path("measured_bytes").asDouble();
                double e = Math.abs(predicted(r, s, engine) - measured) / measured;
                String fam = r.path("family").asText();
                byFamily.computeIfAbsent(fam, k -> new ArrayList<>()).add(e);
                byFamily.computeIfAbsent("all", k -> new ArrayList<>()).add(e);
            }
        }
        byFamily.forEach((fam, v) -> System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f%% | %.1f%% | %s |%n", side,
                fam, v.size(), BudgetBench.median(v) * 100, BudgetBench.max(v) * 100,
                fam.equals("all") ? calls[0] + "/" + calls[1] : ""));
    }

    /** BudgetBench's reading: an allocated peak has no context or slack; optimum's adds the context back. */
    private static double predicted(JsonNode r, Setup s, BudgetEngine engine) {
        var b = engine.estimate(s, null).perGpuBytes();
        String how = r.path("measured_how").asText();
        boolean allocated = how.contains("max_memory_allocated");
        boolean plusContext = how.contains("allocated plus the CUDA context");
        return allocated ? b.total() - b.overhead() : plusContext ? b.total() - b.overhead() + s.contextBytes()
                : b.total();
    }

    /** BudgetBench's call on the named card, counted where it counts one. */
    private static void call(JsonNode r, Setup s, BudgetEngine engine, int[] calls) {
        Long card = BudgetBench.cardBytes(r.path("gpu").asText(""));
        if (card == null) return;
        Setup forCall = s.contextBytes() > 0 ? s : s.withContext(BudgetEngine.DEFAULT_CONTEXT);
        boolean predictedOom = Boolean.FALSE.equals(engine.estimate(forCall, card).fits());
        boolean lowerBoundOnly = s.seq() == 0;
        String outcome = r.path("outcome").asText("fit");
        if (lowerBoundOnly && !predictedOom && !outcome.equals("fit")) return;
        calls[1]++;
        if (outcome.equals("oom") == predictedOom || lowerBoundOnly && outcome.equals("fit")) calls[0]++;
    }
}
