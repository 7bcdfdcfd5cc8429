package io.oomdoc.util;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as ML tools print them. Trace and nvidia-smi units are binary, whatever their label says. */
public final class Bytes {
    public static final long KIB = 1024L, MIB = KIB * 1024, GIB = MIB * 1024, TIB = GIB * 1024;
    /** A pebibyte: more than any GPU or host has, so a size this large was computed wrong. */
    public static final long PIB = TIB * 1024;

    /** A number followed by a unit: "1.70 GiB", "0 bytes", "563.62 MB", "1,5 GiB" (decimal comma). */
    public static final String SIZE = "(\\d+(?:[.,]\\d+)?)\\s*(bytes|byte|B|KiB|KB|kB|MiB|MB|GiB|GB|TiB|TB)\\b";

    private Bytes() {}

    public static long parse(String number, String unit) {
        double value = Double.parseDouble(number.replace(',', '.'));
        return Math.round(value * unitFactor(unit));
    }

    public static long unitFactor(String unit) {
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "b": case "byte": case "bytes": return 1;
            case "kib": case "kb": return KIB;
            case "mib": case "mb": return MIB;
            case "gib": case "gb": return GIB;
            case "tib": case "tb": return TIB;
            default: throw new IllegalArgumentException("unknown unit " + unit);
        }
    }

    /** Human form in binary units, two decimals: 1.70 GiB. */
    public static String human(long bytes) {
        if (bytes < 0) return "-" + human(-bytes);
        if (bytes >= TIB) return String.format(Locale.ROOT, "%.2f TiB", bytes / (double) TIB);
        if (bytes >= GIB) return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) GIB);
        if (bytes >= MIB) return String.format(Locale.ROOT, "%.2f MiB", bytes / (double) MIB);
        if (bytes >= KIB) return String.format(Locale.ROOT, "%.2f KiB", bytes / (double) KIB);
        return bytes + " B";
    }

    /** User input such as "24GB", "24 GiB", "80g", "16000MiB"; plain numbers are GiB. */
    public static long parseUserSize(String text) {
        String t = text.trim().replace(" ", "");
        Matcher m = Pattern.compile("(?i)(\\d+(?:[.,]\\d+)?)(t|tb|tib|g|gb|gib|m|mb|mib)?").matcher(t);
        if (!m.matches()) throw new IllegalArgumentException("not a size: " + text);
        String unit = m.group(2) == null ? "g" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = unit.startsWith("t") ? TIB : unit.startsWith("g") ? GIB : MIB;
        return Math.round(Double.parseDouble(m.group(1).replace(',', '.')) * factor);
    }
}
