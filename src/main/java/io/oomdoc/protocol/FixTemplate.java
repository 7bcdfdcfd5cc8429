package io.oomdoc.protocol;

import io.oomdoc.knowledge.KnowledgeEntry;
import io.oomdoc.util.Bytes;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a knowledge fix's {@code {placeholders}} with the user's own figures: their batch halved, their context cut to
 * what the engine says its cache holds, a budget command for their model. Where a figure is unknown the fix keeps an
 * example value; a fix that cannot apply (halving a batch of 1) is dropped.
 */
final class FixTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern CACHE_HOLDS = Pattern.compile("(?i)(?:stored in (?:the )?kv cache|cache (?:only "
            + ")?holds(?: only)?"
            + "|kv cache can hold|maximum number of tokens[^(\\d]{0,60})\\D{0,20}?\\(?(\\d{3,7})");
    private static final Pattern MODEL_LEN = Pattern.compile("(?i)max(?:_model)?_(?:model_)?len(?:gth)?\\D{0,12}(\\d"
            + "{3,7})");
    private static final int EXAMPLE_BATCH = 32;
    private static final int EXAMPLE_SEQ = 8192;

    private FixTemplate() {}

    /** The fix with its placeholders filled, or null when it cannot apply to this setup. */
    static Report.Fix fill(String kb, KnowledgeEntry.Fix f, Evidence e) {
        Map<String, String> v = values(e);
        if (f.before().contains("{half_batch}") || f.after().contains("{half_batch}")) {
            if (e.facts().batch() != null && e.facts().batch() <= 1) return null;
        }
        return new Report.Fix(kb, f.title(), f.cost(), f.changesScience(), fill(f.before(), v), fill(f.after(), v));
    }

    private static String fill(String s, Map<String, String> v) {
        Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(v.getOrDefault(m.group(1), m.group())));
        m.appendTail(sb);
        return sb.toString();
    }

    private static Map<String, String> values(Evidence e) {
        Facts f = e.facts();
        int batch = f.batch() != null ? f.batch() : EXAMPLE_BATCH;
        int accum = f.gradAccum() != null ? f.gradAccum() : 1;
        String log = e.trace() == null ? "" : e.trace().log().text();
        Integer seq = f.seqLen() != null ? f.seqLen() : first(MODEL_LEN, log);
        int s = seq != null ? seq : EXAMPLE_SEQ;
        Integer holds = first(CACHE_HOLDS, log);
        int fits = holds != null && holds < s ? holds : Math.max(512, s / 2);
        return Map.of("batch", String.valueOf(batch), "half_batch", String.valueOf(Math.max(1, batch / 2)),
                "accum", String.valueOf(accum), "double_accum", String.valueOf(accum * 2),
                "seq", String.valueOf(s), "half_seq", String.valueOf(Math.max(512, s / 2)),
                "fits_len", String.valueOf(fits), "budget_args", budgetArgs(e));
    }

    private static Integer first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The budget command for the model and card this report is about. */
    static String budgetArgs(Evidence e) {
        Facts f = e.facts();
        StringBuilder sb = new StringBuilder();
        if (f.model() != null
                && io.oomdoc.budget.ModelCatalog.find(f.model()).isPresent()) sb.append("--model ").append(f.model());
        else if (f.params() != null) sb.append("--params ").append(params(f.params()));
        else sb.append("--params N");
        if (f.seqLen() != null) sb.append(" --seq ").append(f.seqLen());
        if (f.batch() != null) sb.append(" --batch ").append(f.batch());
        Long card = f.gpuMemBytes() != null ? f.gpuMemBytes() : e.numbers().totalBytes();
        if (card != null) sb.append(" --gpu-mem ").append(Bytes.human(card).replace(" ", ""));
        return sb.toString();
    }

    private static String params(long p) {
        double b = p / 1e9;
        return b == Math.rint(b) ? String.format(Locale.ROOT, "%de9", (long) b) : String.format(Locale.ROOT,
                "%.1fe9", b);
    }
}
