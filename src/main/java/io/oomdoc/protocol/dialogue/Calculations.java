package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The figures an expert computes before answering in words: a byte count in MiB, what is left of a card, a memory
 * fraction in GiB, a model's weights in every format, its KV cache at a length. Every short answer (explain, follow-up,
 * statement) starts with those that the turn calls for, whichever intent it was read as. A new calculation is one
 * row of {@link #ALL}.
 */
final class Calculations {
    /** What a calculation reads: the turn, the turn with the turns before it, and the facts held. */
    record Ask(String text, String withContext, Facts facts) {
        /** The turns before this one and the failure held, newest first: the context without the turn itself. */
        String earlier() {
            return withContext.length() > text.length() && withContext.startsWith(text)
                    ? withContext.substring(text.length()) : "";
        }
    }

    /** One calculation: its family (one line per family: the weights' table makes the weights' line redundant). */
    record Row(String family, Function<Ask, String> compute) {}

    static final List<Row> ALL = List.of(
            // "how far short is my card?", "6G 和 4G 差多少？": the gap between the sizes said is the answer,
            // before any row reads one of them alone (9873M as a parameter count)
            new Row("shortfall", MemoryGap::of),
            // "8 A100 80GB: how much memory is that in total?": the product, before the one card's memory alone
            new Row("pool", CardsTotal::of),
            // "how much do two 2.7B models take in fp32?": the count of whole copies, before one model's weights
            new Row("weights", ModelCopies::of),
            // "那 GLM-4 9B 的 text encoder 呢？": the weights' question of the turn before, for the size said now
            new Row("weights", WeightsAgain::of),
            // "and at 3,000,000?": the last calculation again with the new number, before any row reads it alone
            // "and at 8.0bpw?": the bits per weight said outright are the weights' size, before a number's reuse
            new Row("weights", BitsPerWeight::of),
            new Row("substitution", NumberSubstitution::of),
            new Row("card", CardMemory::of),
            // "and on the two A100 80GB instead?": the memory before and after, per card
            new Row("card", CardChange::of),
            new Row("scope", BatchScope::of),
            new Row("sum", PartsSum::of),
            // "why did the authors need 80 GB for batch 32?": the figures split into a fixed part and a part per sample
            new Row("per-sample", PerSampleMemory::of),
            new Row("batch", BatchArithmetic::of),
            // "16 images over 4 cards is how many per card?": the same sums said in the things counted
            new Row("batch", CountShare::of),
            new Row("rate", RateTimesDuration::of),
            new Row("grid", GridCount::of),
            new Row("measured", MeasuredPoints::of),
            new Row("growth", InputGrowth::of),
            new Row("scaled", ScaledNeed::of),
            new Row("scaled", SettingForCard::of),
            new Row("split", SplitPasses::of),
            new Row("shape", a -> KnowledgeAnswers.shape(a.text())),
            new Row("shape", KnowledgeAnswers::heldShape),
            // "chunk=1024*32 is how many rays?", "check the arithmetic: 32*64*640*480": the written product's count,
            // before a reading of its factors as image sizes
            new Row("product", a -> KnowledgeAnswers.count(a.text())),
            new Row("product", ImageSets::of),
            new Row("tokens", PatchTokens::of),
            new Row("tokens", VisualTokens::of),
            // "3 segments per video. with batch 128, how many frames?": a count per thing times the things (after
            // VisualTokens, whose rule line says more for frames of a video-language model)
            new Row("tokens", ItemsProduct::of),
            // a change of input size said as sizes, sides, a fraction of each side or a scale factor: the ratio of
            // pixels or voxels; Ratios would say the same change again, linearly, in other words
            new Row("resolution", SpatialRatio::unlessResolution),
            new Row("resolution", Resolutions::of),
            new Row("product", a -> SpatialRatio.unlessResolution(a) != null ? null : Ratios.of(a)),
            new Row("product", TensorBytes::of),
            // the logits with a dimension said before (TensorBytes reads only the turn's own)
            new Row("product", LogitsSize::of),
            new Row("product", a -> KnowledgeAnswers.arithmetic(a.text())),
            new Row("kv", PerTokenCache::of),
            new Row("kv", SequencesThatFit::of),
            new Row("kv", KvCache::of),
            new Row("attention", AttentionScores::of),
            // "what would llama2 70B need then?": what is paid per parameter, before and after
            new Row("swap", ModelSwap::of),
            new Row("training", TrainingStates::of),
            // "what if I use SGD instead of Adam?": the optimizer's state per parameter, before and after
            new Row("optimizer", OptimizerSwap::of),
            new Row("experts", Experts::of),
            new Row("models", ModelSizes::of),
            // the inverse ("how many parameters is 20 GB of fp16?") answers the weights' question that other rows read
            new Row("weights", ParamsFromBytes::of),
            new Row("weights", WeightsAtPrecision::of),
            new Row("weights", KvCacheTypes::of),
            new Row("weights", FormatTable::of),
            new Row("weights", KnowledgeAnswers::size),
            new Row("bytes", a -> Figures.of(a.text())),
            new Row("fraction", Fractions::of),
            new Row("gap", ReservedGap::of),
            new Row("need", NeedVersusCard::of),
            new Row("pool", MemoryPooling::of),
            new Row("ratio", AdapterRank::of),
            new Row("ratio", KnobChange::of),
            new Row("ratio", a -> Scaling.of(a.text(), a.facts())),
            new Row("ratio", PieceSplit::of),
            new Row("ratio", CountChange::of),
            new Row("blocks", a -> KnowledgeAnswers.blocks(a.text())));

    /** At most this many computed lines: the answer stays short. */
    private static final int MAX = 2;


    private Calculations() {}

    /** The computed lines the turn calls for, or null when none applies. */
    static String of(String text, String withContext, Facts facts) {
        return without(new Ask(text, withContext == null ? text : withContext, facts), null);
    }

    /** The computed lines without one family's rows (a row that asks the others again leaves itself out). */
    static String without(Ask ask, String family) {
        List<String> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        if (family != null) done.add(family);
        for (Row r : ALL) {
            if (out.size() >= MAX || done.contains(r.family())) continue;
            String line = r.compute().apply(ask);
            if (line != null) { out.add(line); done.add(r.family()); }
        }
        return out.isEmpty() ? null : String.join("\n", out);
    }
}
