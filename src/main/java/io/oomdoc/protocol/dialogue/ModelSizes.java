package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What size of model could I run in 13 GB at Q4?": the largest model whose weights fit the memory said (or the card
 * held) at the precision said, after a reserve for the KV cache, the context and the compute buffers, and the common
 * model sizes each marked as fitting or not. The inverse of a weights calculation: memory over bytes per parameter.
 */
final class ModelSizes {
    private static final Pattern ASKS = Pattern.compile("(?i)\\b(?:what|which|how big(?: of)?(?: a)?|largest"
            + "|biggest|max(?:imum)?)\\s+(?:size(?: of)?\\s+)?(?:an?\\s+)?(?:model|llm)s?\\b(?:\\s+size)?"
            + "[^.?]*?\\b(?:run|fit|fits|load|use|serve|host|handle)\\b");
    private static final Pattern MEMORY = Pattern.compile("(?i)(?<![\\w.])(\\d{1,4}(?:\\.\\d+)?)\\s*(gib|gb|g)\\b");
    /** Bits per weight with the block scales (llama.cpp Q4_0 4.5, Q5_0 5.5, Q6_K 6.56, Q8_0 8.5). */
    private static final Object[][] BITS = {
            {Pattern.compile("(?i)\\bq4|\\b4[- ]?bits?\\b|\\bint4\\b|\\bnf4\\b|\\bawq\\b|\\bgptq\\b"),
                    GgmlBits.of("q4_0"), "4-bit"},
            {Pattern.compile("(?i)\\bq5"), GgmlBits.of("q5_0"), "5-bit"},
            {Pattern.compile("(?i)\\bq6"), GgmlBits.of("q6_k"), "6-bit"},
            {Pattern.compile("(?i)\\bq8|\\b8[- ]?bits?\\b|\\bint8\\b|\\bfp8\\b"), GgmlBits.of("q8_0"), "8-bit"},
            {Pattern.compile("(?i)\\bfp32\\b|\\bfloat32\\b|\\bfull precision\\b"), 32.0, "fp32"},
    };
    private static final double SIXTEEN = 16.0;
    /** Kept aside for the KV cache of a modest context, the compute buffers and the runtime's own context. */
    private static final double RESERVE_GIB = 1.5;
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final int[] COMMON = {3, 7, 8, 14, 32, 70};

    private ModelSizes() {}

    static String of(Calculations.Ask a) {
        if (!ASKS.matcher(a.text()).find()) return null;
        Matcher m = MEMORY.matcher(a.text());
        double gib;
        if (m.find()) {
            // "13 GB" of a card or a RAM budget is read as GiB, as the facts read a card's size.
            gib = Double.parseDouble(m.group(1));
        } else if (a.facts().gpuMemBytes() != null) {
            gib = a.facts().gpuMemBytes() / GIB;
        } else {
            return null;
        }
        double bits = SIXTEEN;
        String precision = "16-bit";
        String quant = a.facts().quant();
        for (Object[] row : BITS) {
            if (((Pattern) row[0]).matcher(a.text()).find()) {
                bits = (double) row[1];
                precision = (String) row[2];
                break;
            }
        }
        if (bits == SIXTEEN && quant != null && quant.matches("[48]bit")) {
            bits = GgmlBits.of(quant.equals("4bit") ? "q4_0" : "q8_0");
            precision = quant.equals("4bit") ? "4-bit" : "8-bit";
        }
        double usable = gib - RESERVE_GIB;
        if (usable <= 0) return null;
        double bytesPerParam = bits / 8;
        double largest = usable * GIB / bytesPerParam / 1e9;
        List<String> sizes = new ArrayList<>();
        for (int b : COMMON) {
            double need = b * 1e9 * bytesPerParam / GIB;
            sizes.add(String.format(Locale.ROOT, "%dB %.1f GiB %s", b, need,
                    need <= usable ? Messages.get("modelsize.fits") : Messages.get("modelsize.not")));
        }
        return Messages.get("modelsize.line", fmt(gib), precision, fmt(bits), fmt(RESERVE_GIB), Math.round(largest),
                String.join(", ", sizes));
    }

    private static String fmt(double v) { return GgmlBits.fmt(v); }
}
