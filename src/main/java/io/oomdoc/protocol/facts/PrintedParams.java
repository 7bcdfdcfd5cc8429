package io.oomdoc.protocol.facts;

import io.oomdoc.util.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameter counts a library printed (resource lexicon/printed-params.tsv): Lightning's model summary, PEFT's
 * print_trainable_parameters, transformers' Trainer, DeepSpeed's zero.Init. Mentions {@code params.total} and
 * {@code params.trainable}; the resolver lets a printed count overrule a size guessed from a name.
 */
public final class PrintedParams {
    /** One format: its pattern and whether it counts the whole model or only what trains. */
    record Row(Pattern pattern, String key) {}

    private static final String RESOURCE = "lexicon/printed-params.tsv";
    /** Below this a count is a head or an adapter, not a model a GPU runs out of memory on. */
    private static final long MIN_PARAMS = 1_000_000L;
    private static volatile List<Row> rows;

    private PrintedParams() {}

    /** The printed counts in lower-cased text. */
    static List<Mention> find(String lower) {
        List<Mention> out = new ArrayList<>();
        for (Row r : rows()) {
            Matcher m = r.pattern().matcher(lower);
            while (m.find()) {
                Long n = count(m.group(1), m.group(2));
                if (n != null) out.add(new Mention(m.start(), m.end(), r.key(), String.valueOf(n)));
            }
        }
        return out;
    }

    static Long count(String number, String unit) {
        double v;
        try { v = Double.parseDouble(number.replace(",", "")); } catch (NumberFormatException e) { return null; }
        double scale = unit == null || unit.isEmpty() ? 1 : switch (unit) {
            case "k" -> 1e3; case "m" -> 1e6; case "b" -> 1e9; case "t" -> 1e12; default -> 1; };
        long n = Math.round(v * scale);
        return n < MIN_PARAMS ? null : n;
    }

    private static List<Row> rows() {
        if (rows == null) rows = parse(Resources.text(RESOURCE));
        return rows;
    }

    static List<Row> parse(String tsv) {
        List<Row> out = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cells = line.split("\t", -1);
            if (cells.length < 2) throw new IllegalArgumentException("printed-params row needs a pattern and a count: "
                    + line);
            out.add(new Row(Pattern.compile("(?<![\\w-])" + cells[0].strip()), "params." + cells[1].strip()));
        }
        return List.copyOf(out);
    }
}
