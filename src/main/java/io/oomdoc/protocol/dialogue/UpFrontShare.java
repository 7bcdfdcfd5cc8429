package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import io.oomdoc.util.TsvTable;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an engine that takes its share of the card at start-up "fills the card": vLLM's gpu_memory_utilization and
 * JAX's preallocation hold a fixed share whatever the job needs, so nvidia-smi shows the share, not the model. The
 * explanation is that share times the session's card, so "70 GB on an 80 GB A100, is that a leak?" is answered with
 * 0.90 x 80 GiB.
 */
final class UpFrontShare {
    private static final String TABLE = "dialogue/upfront-shares.tsv";
    private static final int COLUMNS = 6;

    /** One engine or project that holds a share up front (dialogue/upfront-shares.tsv). */
    record Row(String engine, double share, Pattern setShare, Pattern project, String message, String note) {}

    static final TsvTable<Row> ROWS = new TsvTable<>(TABLE, COLUMNS, c -> new Row(c[0], Double.parseDouble(c[1]),
            Pattern.compile(c[2]), c[3].equals("-") ? null : Pattern.compile(c[3]), c[4],
            c[5].equals("-") ? null : c[5]));

    /**
     * "it still fills the card", "nvidia-smi shows 70 GB, is that a leak?", "jax takes ~90% of memory": the whole
     * card's use is what is asked about, not one tensor or one setting's value.
     */
    private static final Pattern FILLS = Pattern.compile("(?i)\\bfills? (?:up )?(?:the|my|a|all|its) ?(?:whole |entire "
            + ")?(?:card|gpu|vram|memory)|\\b(?:is (?:that|this|it) a|a) (?:memory )?leak\\b|\\bnvidia-smi (?:first )?"
            + "(?:shows|says)|\\b(?:takes|grabs|occupies|reserves) (?:~|about |almost |nearly )?\\d+ ?%"
            // "it occupies 44 GB", "seems to take around 18G", "why exactly 44 GB": a size the job holds, asked about
            + "|\\b(?:takes?|taking|grabs|occupies|occupying|reserves) (?:up )?(?:~|about |around |almost |nearly )?"
            + "\\d+(?:\\.\\d+)? ?(?:gb|gib|g)\\b|\\bwhy (?:exactly |precisely )?\\d+(?:\\.\\d+)? ?(?:gb|gib|g)\\b");
    private UpFrontShare() {}

    /** The share explained with the session's card; null when the session's engine holds no share up front. */
    static String of(String question, String withContext, Facts facts) {
        if (facts.framework() == null || !FILLS.matcher(question).find()) return null;
        Row row = ROWS.rows().stream().filter(r -> r.engine().equals(facts.framework())
                && (r.project() == null || r.project().matcher(withContext).find())).findFirst().orElse(null);
        if (row == null) return null;
        Matcher m = row.setShare().matcher(question);
        double share = m.find() ? Double.parseDouble(m.group(1)) : row.share();
        String held = facts.gpuMemBytes() == null ? ""
                : Messages.get("upfront.card", String.format(Locale.ROOT, "%.2f", share),
                        Bytes.human(facts.gpuMemBytes()), Bytes.human((long) (share * facts.gpuMemBytes())));
        String said = Messages.get(row.message(), String.format(Locale.ROOT, "%.2f", share), held);
        return row.note() != null && share == row.share() ? said + " " + Messages.get(row.note()) : said;
    }
}
