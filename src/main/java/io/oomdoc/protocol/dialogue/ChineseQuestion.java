package io.oomdoc.protocol.dialogue;

import io.oomdoc.util.TsvTable;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * "如果改用 LoRA 呢？" (what if LoRA?), "配置怎么写？" (how is the config written?): what a
 * turn in Chinese asks, read from its question words (dialogue/chinese-questions.tsv). The English cues and the
 * learned model's Latin word features read nothing in it, so such a turn fell to small talk or a statement.
 */
final class ChineseQuestion {
    private static final String TABLE = "dialogue/chinese-questions.tsv";
    private static final int COLUMNS = 2;
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** One row: the intent and the question words that ask it. */
    record Row(Intent intent, Pattern words) {}

    private static final TsvTable<Row> ROWS = new TsvTable<>(TABLE, COLUMNS,
            c -> new Row(Intent.valueOf(c[0].toUpperCase(Locale.ROOT)), Pattern.compile(c[1])));

    private ChineseQuestion() {}

    /** The intent the turn's Chinese question words ask, or null when it has none (or no Han character at all). */
    static Intent of(String turn) {
        if (turn == null || !HAN.matcher(turn).find()) return null;
        String t = turn.replace('？', '?').strip();
        for (Row r : rows()) {
            if (r.words().matcher(t).find()) return r.intent();
        }
        return null;
    }

    static List<Row> rows() { return ROWS.rows(); }
}
