package io.oomdoc.protocol.dialogue;

import io.oomdoc.util.Bytes;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Is the gap between 30.33 reserved and 30.26 allocated fragmentation?": reserved minus allocated is what PyTorch's
 * cache holds with no tensor in it. Set against the failing request (from the trace in the conversation) it says
 * whether fragmentation is the story (the idle cache, with what the card still had free, held the request's bytes,
 * only not in one piece) or the card is simply full.
 */
final class ReservedGap {
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)\\s*(gib|gb|g|mib|mb|m)?(?![\\w.])";
    /** "reserved 8.81 vs allocated 8.62": each word before its number; else "30.33 reserved and 30.26 allocated". */
    private static final Pattern WORD_FIRST = Pattern.compile("(?i)\\b(?:reserved|allocated)\\s*(?:is|of|=|:)?\\s*\\d");
    private static final Pattern RESERVED_AFTER = Pattern.compile("(?i)\\breserved\\s*(?:is|of|=|:)?\\s*" + NUMBER);
    private static final Pattern ALLOCATED_AFTER = Pattern.compile("(?i)\\ballocated\\s*(?:is|of|=|:)?\\s*" + NUMBER);
    private static final Pattern RESERVED_BEFORE = Pattern.compile("(?i)(?<![\\w.])" + NUMBER + "\\s*(?:\\w+\\s+)?"
            + "reserved\\b");
    private static final Pattern ALLOCATED_BEFORE = Pattern.compile("(?i)(?<![\\w.])" + NUMBER + "\\s*(?:\\w+\\s+)?"
            + "allocated\\b");
    private static final Pattern REQUEST = Pattern.compile("(?i)tried to allocate\\s*(\\d+(?:\\.\\d+)?)\\s*(gib|mib"
            + "|kib|b)\\b");
    /** "1.22 GiB free" (PyTorch 1.x) or "of which 68.69 MiB is free" (2.x). */
    private static final Pattern FREE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(gib|mib|kib|b)\\s+(?:is\\s+)?free"
            + "\\b");

    private ReservedGap() {}

    /** The gap and what it means for the request held, or null unless the turn quotes both figures. */
    static String of(Calculations.Ask a) {
        Long reserved = reserved(a.text());
        Long allocated = allocated(a.text());
        if (reserved == null || allocated == null || reserved < allocated) return null;
        long idle = reserved - allocated;
        String line = Messages.get("gap.idle", Bytes.human(reserved), Bytes.human(allocated), gib(idle),
                idle >> 20);
        Matcher r = REQUEST.matcher(a.withContext());
        if (!r.find()) return line;
        Matcher f = FREE.matcher(a.withContext());
        return line + " " + verdict(idle, bytes(r.group(1), r.group(2)), f.find() ? bytes(f.group(1), f.group(2))
                : null);
    }

    /**
     * What the idle cache means for the request: enough on its own, enough with the card's free memory (the bytes
     * were there, split between the cache and the driver), or not enough (the card is full).
     */
    static String verdict(long idle, long request, Long free) {
        if (idle >= request) return Messages.get("gap.frag", Bytes.human(request));
        if (free != null && idle + free >= request) {
            return Messages.get("gap.split", Bytes.human(request), Bytes.human(free));
        }
        return Messages.get("gap.full", Bytes.human(request));
    }

    /** Whether the turn quotes both a reserved and an allocated figure (its own numbers are then the ones shown). */
    static boolean quoted(String text) {
        return reserved(text) != null && allocated(text) != null;
    }

    private static Long reserved(String text) {
        return figure((WORD_FIRST.matcher(text).find() ? RESERVED_AFTER : RESERVED_BEFORE).matcher(text));
    }

    private static Long allocated(String text) {
        return figure((WORD_FIRST.matcher(text).find() ? ALLOCATED_AFTER : ALLOCATED_BEFORE).matcher(text));
    }

    /** The first figure the pattern finds; a bare number is GiB, as PyTorch's message prints these two. */
    private static Long figure(Matcher m) {
        if (!m.find()) return null;
        return bytes(m.group(1), m.group(2));
    }

    private static long bytes(String number, String unit) {
        double v = Double.parseDouble(number);
        String u = unit == null ? "gib" : unit.toLowerCase(Locale.ROOT);
        return switch (u) {
            case "mib", "mb", "m" -> (long) (v * (1L << 20));
            case "kib" -> (long) (v * (1L << 10));
            case "b" -> (long) v;
            default -> (long) (v * (1L << 30));
        };
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }
}
