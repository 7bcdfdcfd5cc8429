package io.oomdoc.protocol.dialogue;

import io.oomdoc.util.TsvTable;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Is batch_size 32 in the config per GPU or the total?", "20 是总 batch 还是每张卡？": the stack
 * decides, and the answer is its convention (dialogue/batch-scope.tsv), with both readings worked out when the
 * number of GPUs is known.
 */
final class BatchScope {
    private static final String TABLE = "dialogue/batch-scope.tsv";
    private static final int COLUMNS = 4;

    /** One convention: the stacks held or the words that select it, and what it says. */
    record Row(String name, StackSelector selector, String line) {}

    private static final TsvTable<Row> ROWS = new TsvTable<>(TABLE, COLUMNS, c -> new Row(c[0],
            StackSelector.of(c[1], c[2]), c[3]));
    /** One GPU's share named: "per GPU", "per-device", "each card", "每张卡", "单卡". */
    private static final Pattern PER = Pattern.compile("(?i)\\bper[- ]?(?:gpu|device|card|process|replica)\\b"
            + "|\\beach (?:gpu|card|device|process)\\b|每(?:张|块|个)?(?:卡|显卡|gpu)|单卡");
    /** The alternative asked: "... or not?", "... or the total?", "还是". */
    private static final Pattern OR = Pattern.compile("(?i)\\bor\\b|还是");
    /** The batch number in the turn: "batch_size=8", "batch size 32", "16 is for per-GPU", "20 是总 batch". */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d{1,5})(?![\\w.]*\\w)");

    private BatchScope() {}

    /** The convention and, with the GPUs known, both readings of the number; null when the turn does not ask it. */
    static String of(Calculations.Ask a) {
        if (!asks(a.text())) return null;
        String lower = (a.text() + "\n" + a.earlier()).toLowerCase(Locale.ROOT);
        String line = rows().stream().filter(r -> r.selector().matches(a.facts().framework(), lower)).map(Row::line)
                .findFirst().orElse(null);
        if (line == null) return null;
        Integer gpus = a.facts().worldSize();
        Matcher m = NUMBER.matcher(a.text());
        if (gpus == null || gpus < 2 || !m.find()) return line;
        long n = Long.parseLong(m.group(1));
        return line + "\n" + Messages.get("batchscope.both", n, gpus, n * gpus, Sizes.trim((double) n / gpus));
    }

    /** Whether the turn asks if a batch is one GPU's or all of them. */
    static boolean asks(String text) {
        return PER.matcher(text).find() && OR.matcher(text).find();
    }

    static List<Row> rows() { return ROWS.rows(); }
}
