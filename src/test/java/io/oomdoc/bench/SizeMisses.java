package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.reasoning.Reasoner;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Twentieth session (diag20a, issue 12): for the trainable cases named, both input modes, what the category's size
 * path read: the model and size the facts took, the card, the budget's fixed cost against the card, and the size
 * and budget features, with the bundled answer. For reading model_too_large / activations_batch misses of the
 * cross-validation (bench/run.sh FourteenthFold --trainable --outcomes). Not for an unread set.
 * Run: bench/run.sh SizeMisses ID...
 */
public final class SizeMisses {
    private SizeMisses() {}

    public static void main(String[] args) {
        Set<String> ids = Set.of(args);
        List<Case> cases = Corpus.trainable().stream().filter(c -> ids.contains(c.id())).toList();
        Reasoner r = Reasoner.bundled();
        for (var ex : TrainReasoner.examples(cases)) {
            Case c = ex.c();
            var e = ex.evidence();
            var f = e.facts();
            String budget = "none";
            if (e.budget() != null) {
                var t = e.budget().perGpuBytes();
                budget = String.format(Locale.ROOT, "fixed %.1f GiB of card %s, total %.1f, fits %s",
                        (t.weights() + t.gradients() + t.optimizer()) / 1073741824.0,
                        e.budget().gpuBytes() == null ? "?" : String.format(Locale.ROOT, "%.1f",
                                e.budget().gpuBytes() / 1073741824.0), t.total() / 1073741824.0, e.budget().fits());
            }
            var concl = r.conclude(e);
            System.out.printf(Locale.ROOT, "== %s %s [%s] label %s alt %s said %s%n", ex.withDescription() ? "desc"
                    : "paste", c.id(), c.source(), c.category(), c.alternatives(),
                    concl.hypotheses().get(0).category().json());
            System.out.printf("   facts model=%s params=%s gpu=%s mem=%s batch=%s seq=%s lora=%s quant=%s prec=%s%n",
                    f.model(), f.params(), f.gpuName(), f.gpuMemBytes(), f.batch(), f.seqLen(), f.lora(), f.quant(),
                    f.precision());
            System.out.println("   budget " + budget);
            ex.x().values().keySet().stream().filter(k -> !k.startsWith("w:") && !k.startsWith("prior"))
                    .sorted().forEach(k -> System.out.print(" " + k));
            System.out.println();
            if (ex.withDescription()) {
                System.out.println("   CONTEXT " + c.context().replace('\n', ' '));
                String p = c.paste().replace('\n', '|');
                System.out.println("   PASTE " + (p.length() > 700 ? p.substring(0, 350) + " ... " + p.substring(
                        p.length() - 350) : p));
            }
        }
    }
}
