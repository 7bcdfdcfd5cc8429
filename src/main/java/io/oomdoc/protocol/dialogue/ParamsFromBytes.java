package io.oomdoc.protocol.dialogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "20GB 的 fp16 权重大约对应多少参数？", "how many parameters is 20 GB of fp16 weights?": the inverse
 * of a weights calculation, the bytes said over the bytes per parameter of the precision said (16-bit when none is).
 */
final class ParamsFromBytes {
    /** The question asks for a count of parameters. */
    private static final Pattern ASKS = Pattern.compile("(?i)\\bhow many (?:\\w+ )?param(?:eter)?s\\b"
            + "|\\bparam(?:eter)? count\\b|多少参数|多少个参数|参数量是?多少"
            + "|多大的模型|多少\\s*[bB]\\b");
    private static final Pattern MEMORY = Pattern.compile("(?i)(?<![\\w.])(\\d{1,5}(?:\\.\\d+)?)\\s*(gib|gb|g)"
            + "(?![a-z])");
    private static final double GIGA = 1e9;

    private ParamsFromBytes() {}

    static String of(Calculations.Ask a) {
        String text = a.text();
        if (!ASKS.matcher(text).find()) return null;
        Matcher m = MEMORY.matcher(text);
        if (!m.find()) return null;
        Object[] type = Sizes.namedFirst(WeightsAtPrecision.TYPES, text);
        double bytes = type == null ? 2.0 : (Double) type[1];
        String name = type == null ? "16-bit" : (String) type[2];
        double gb = Double.parseDouble(m.group(1));
        // "20GB" as users write it: decimal gigabytes; the binary reading is about 7% more
        double params = gb * GIGA / bytes;
        double binary = gb * 1024 * 1024 * 1024 / bytes;
        return Messages.get("params.from.bytes", Sizes.trim(gb), name, Sizes.trim(bytes), Sizes.count(params),
                Sizes.count(binary));
    }
}
