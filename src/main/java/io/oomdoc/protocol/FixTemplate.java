package io.oomdoc.protocol;

import io.oomdoc.knowledge.KnowledgeEntry;
import io.oomdoc.util.Bytes;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a knowledge fix's {@code {placeholders}} with the user's own figures: their batch halved, their context cut to
 * what the engine says its cache holds, a budget command for their model. Where a figure is unknown the fix names it
 * by a symbol (B for the batch, L for the context) that a comment under the code explains, never an example number:
 * "batch_size=32 -> 16" read as the user's setting when their batch was 4 (ReportAudit counted 826 such reports on
 * the burned corpora). A fix that cannot apply (halving a batch of 1) is dropped.
 */
final class FixTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern CACHE_HOLDS = Pattern.compile("(?i)(?:stored in (?:the )?kv cache|cache (?:only "
            + ")?holds(?: only)?"
            + "|kv cache can hold|maximum number of tokens[^(\\d]{0,60})\\D{0,20}?\\(?(\\d{3,7})");
    private static final Pattern MODEL_LEN = Pattern.compile("(?i)max(?:_model)?_(?:model_)?len(?:gth)?\\D{0,12}(\\d"
            + "{3,7})");
    private static final String BATCH = "B";
    private static final String SEQ = "L";

    private FixTemplate() {}

    /** The fix with its placeholders filled, or null when it cannot apply to this setup. */
    static Report.Fix fill(String kb, KnowledgeEntry.Fix f, Evidence e) {
        Map<String, String> v = values(e);
        if (f.before().contains("{half_batch}") || f.after().contains("{half_batch}")) {
            if (e.facts().batch() != null && e.facts().batch() <= 1) return null;
        }
        String after = fill(f.after(), v);
        return new Report.Fix(kb, f.title(), f.cost(), f.changesScience(), legend(fill(f.before(), v), after, v),
                after);
    }

    /** The code as the user has it, with a line that says what each symbol standing for an unknown figure is. */
    private static String legend(String before, String after, Map<String, String> v) {
        StringBuilder sb = new StringBuilder(before);
        String both = before + "\n" + after;
        if (BATCH.equals(v.get("batch")) && mentions(both, BATCH)) {
            sb.append('\n').append(ReportText.TABLE.get("fix.symbol.batch"));
        }
        if (SEQ.equals(v.get("seq")) && mentions(both, SEQ)) {
            sb.append('\n').append(ReportText.TABLE.get("fix.symbol.seq"));
        }
        return sb.toString();
    }

    private static boolean mentions(String code, String symbol) {
        return Pattern.compile("(?<![\\w-])" + symbol + "(?![\\w-])").matcher(code).find();
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
        Integer batch = f.batch();
        int accum = f.gradAccum() != null ? f.gradAccum() : 1;
        String log = e.trace() == null ? "" : e.trace().log().text();
        Integer holds = first(CACHE_HOLDS, log);
        Integer seq = f.seqLen() != null ? f.seqLen() : first(MODEL_LEN, log);
        String halfSeq = seq == null ? SEQ + "/2" : String.valueOf(Math.max(512, seq / 2));
        // the length the engine says its cache holds is the one that fits, even where the user's words name a shorter
        // context that worked (vllm#10517: "20k and 35k started, 29k refused"; the cache holds 23648)
        String fits = holds != null ? String.valueOf(holds) : halfSeq;
        return Map.of("batch", batch == null ? BATCH : String.valueOf(batch), "half_batch", batch == null
                        ? BATCH + " // 2" : String.valueOf(Math.max(1, batch / 2)),
                "accum", String.valueOf(accum), "double_accum", String.valueOf(accum * 2),
                "seq", seq == null ? SEQ : String.valueOf(seq), "half_seq", halfSeq,
                "fits_len", fits, "budget_args", budgetArgs(e));
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

    /**
     * The count as `oomdoc budget --params` reads it, to the user's precision: GPT-2 large's 774M was "0.8e9" and
     * a 6.74B model "6.7e9", a size the user never said (ReportAudit's number check).
     */
    static String params(long p) {
        if (p < 1_000_000_000L) return Math.round(p / 1e6) + "M";
        double b = p / 1e9;
        if (b == Math.rint(b)) return String.format(Locale.ROOT, "%de9", (long) b);
        return String.format(Locale.ROOT, "%.2f", b).replaceFirst("0$", "") + "e9";
    }
}
