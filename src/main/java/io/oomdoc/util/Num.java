package io.oomdoc.util;

/** Numbers read out of logs and prose: a digit run too long for its type is "not a number", never a crash. */
public final class Num {
    private Num() {}

    public static Integer toInt(String digits) {
        if (digits == null) return null;
        try {
            return Integer.valueOf(digits.replace(",", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static Long toLong(String digits) {
        if (digits == null) return null;
        try {
            return Long.valueOf(digits.replace(",", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** toInt with a fallback for code paths that need a primitive. */
    public static int toInt(String digits, int fallback) {
        Integer v = toInt(digits);
        return v == null ? fallback : v;
    }
}
